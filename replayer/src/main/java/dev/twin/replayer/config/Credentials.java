package dev.twin.replayer.config;

import java.util.regex.Pattern;

/**
 * {@code credentials:} — credentials that must never reach a twin.
 *
 * @param reject credentials matching this (whole-string) regex get the provider's 401; null = accept all
 */
public record Credentials(Pattern reject) {
    public static final Credentials DEFAULTS = new Credentials(null);
}
