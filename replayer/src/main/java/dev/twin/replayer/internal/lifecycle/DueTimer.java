package dev.twin.replayer.internal.lifecycle;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the lifecycles when the earliest row is due on a clock that runs by itself: one timer thread, started with
 * the first row scheduled, armed for the earliest instant asked so far.
 */
final class DueTimer implements AutoCloseable {
    private final Clock clock;
    private final Runnable ring;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> alarm;
    private long alarmAt = Long.MAX_VALUE;
    private boolean closed;

    /** @param ring what to run when the time comes (on the timer thread) */
    DueTimer(Clock clock, Runnable ring) {
        this.clock = clock;
        this.ring = ring;
    }

    /** Rings at {@code epochMillis} of the clock, unless already armed for that or earlier. */
    synchronized void wakeAt(long epochMillis) {
        if (closed || epochMillis >= alarmAt) {
            return;
        }
        if (alarm != null) {
            alarm.cancel(false);
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "twin-lifecycles");
                thread.setDaemon(true);
                return thread;
            });
        }
        alarmAt = epochMillis;
        alarm = timer.schedule(this::rung, Math.max(0, epochMillis - clock.millis()), TimeUnit.MILLISECONDS);
    }

    private void rung() {
        synchronized (this) {
            alarmAt = Long.MAX_VALUE;
            alarm = null;
        }
        ring.run();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
