package dev.twin.replayer.internal.time;

import dev.twin.replayer.config.ClockConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The twin's clock: a base clock (the system's, or one a test gives) plus how far the twin was moved ahead. In
 * {@link ClockConfig.Mode#MANUAL manual} mode it stands still at its start and moves only when advanced, so each
 * delay of a lifecycle passes exactly when a test says. Time never goes back: {@link #advanceTo} an earlier
 * instant is a no-op.
 */
public final class TwinClock extends Clock {
    private final Clock base;
    private final ClockConfig.Mode mode;
    /** System mode: added to the base clock. Manual mode: the time itself, in epoch milliseconds. */
    private volatile long offsetOrNow;

    private TwinClock(Clock base, ClockConfig.Mode mode, long offsetOrNow) {
        this.base = base;
        this.mode = mode;
        this.offsetOrNow = offsetOrNow;
    }

    /** Time as {@code base} tells it, which {@link #advance} can move ahead. */
    public static TwinClock following(Clock base) {
        return new TwinClock(Objects.requireNonNull(base, "base"), ClockConfig.Mode.SYSTEM, 0);
    }

    /** Time standing still at {@code start} until advanced. */
    public static TwinClock manual(Instant start) {
        return new TwinClock(Clock.systemUTC(), ClockConfig.Mode.MANUAL, start.toEpochMilli());
    }

    /** The clock {@code clock:} asks for, over {@code base} (a manual clock without a start starts at base's now). */
    public static TwinClock of(ClockConfig config, Clock base) {
        if (base instanceof TwinClock twin) {
            return twin;
        }
        if (config.mode() == ClockConfig.Mode.MANUAL) {
            return manual(config.start() != null ? config.start() : base.instant());
        }
        return following(base);
    }

    public ClockConfig.Mode mode() {
        return mode;
    }

    /** Whether time passes by itself (system mode) rather than only when advanced. */
    public boolean runs() {
        return mode == ClockConfig.Mode.SYSTEM;
    }

    @Override
    public long millis() {
        return mode == ClockConfig.Mode.MANUAL ? offsetOrNow : base.millis() + offsetOrNow;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone); // a zoned view is only ever read once; the twin itself reads UTC
    }

    /** Moves time ahead by {@code duration} (not negative). */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves ahead: " + duration);
        }
        offsetOrNow += duration.toMillis();
    }

    /** Moves time ahead to {@code epochMillis}; nothing when that is not later than now. */
    public synchronized void advanceTo(long epochMillis) {
        long now = millis();
        if (epochMillis > now) {
            offsetOrNow += epochMillis - now;
        }
    }
}
