package dev.twin.replayer.config;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code clock:} — how time passes for the twin: the times rows are stamped with, lifecycles' delays, rate-limit
 * refills. {@code system}: the real clock (which {@code POST /__twin/clock} can still move ahead); {@code manual}:
 * time stands still from {@code start} (or the moment the twin started) and moves only when advanced, so a test
 * decides when each scheduled change happens.
 *
 * @param start manual only: the instant the twin's time starts at; null = when the twin starts
 */
public record ClockConfig(Mode mode, Instant start, SourceLocation location) {
    public static final ClockConfig SYSTEM = new ClockConfig(Mode.SYSTEM, null, null);

    public enum Mode { SYSTEM, MANUAL }

    public ClockConfig {
        Objects.requireNonNull(mode, "mode");
    }
}
