package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.http.TwinRequest;

import java.util.Map;

/** Answers one admin endpoint under {@code /__twin/}. */
@FunctionalInterface
public interface AdminHandler {
    /** @param pathParams values of the {@code {name}} segments of the registered path */
    TwinResponse handle(TwinRequest request, Map<String, String> pathParams);
}
