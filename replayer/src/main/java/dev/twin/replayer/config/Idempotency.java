package dev.twin.replayer.config;

import java.time.Duration;
import java.util.Objects;

/** {@code idempotency:} — the same key from the same tenant within {@code window} replays the first response. */
public record Idempotency(String header, Duration window) {
    public static final Idempotency DEFAULTS = new Idempotency("Idempotency-Key", Duration.ofHours(24));

    public Idempotency {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(window, "window");
    }
}
