package dev.twin.replayer.admin;

import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.http.TwinRequest;

import java.util.Map;

/** Answers one admin endpoint under {@code /__twin/}. */
@FunctionalInterface
public interface AdminHandler {
    /** @param pathParams values of the {@code {name}} segments of the registered path */
    TwinResponse handle(TwinRequest request, Map<String, String> pathParams);
}
