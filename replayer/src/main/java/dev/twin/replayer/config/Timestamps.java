package dev.twin.replayer.config;

import java.util.Map;

/**
 * {@code conventions.timestamps} — how the row timestamps the twin keeps appear in bodies.
 *
 * @param fields internal name ({@code createdAt}, {@code updatedAt}) → field name in bodies; absent = not shown
 */
public record Timestamps(Format format, Map<String, String> fields) {
    public static final Timestamps DEFAULTS = new Timestamps(Format.ISO8601, Map.of());
    /** The internal timestamp names {@code fields} may map. */
    public static final java.util.Set<String> INTERNAL_NAMES = java.util.Set.of("createdAt", "updatedAt");

    public enum Format {
        /** Whole seconds since the epoch, a JSON number (Stripe). */
        UNIX,
        /** {@code 2024-05-01T12:00:00Z}, a JSON string. */
        ISO8601,
        /** {@code 2024-05-01T12:00:00.000Z}: UTC with exactly three digits of milliseconds (Go's strfmt, JavaScript's
         * {@code toISOString()}). */
        ISO8601_MILLIS,
        /** {@code Wed, 01 May 2024 12:00:00 +0000}, a JSON string (Twilio's {@code date_created}). */
        RFC2822
    }

    public Timestamps {
        fields = Merging.copy(fields);
    }

    public Timestamps merge(Timestamps override) {
        return override == null ? this : new Timestamps(Merging.value(format, override.format),
                Merging.map(fields, override.fields));
    }
}
