package dev.twin.replayer.config;

/**
 * Extra delay before an answer: fixed ({@code 200ms}), uniform ({@code {min: 100ms, max: 500ms}}) or log-normal
 * ({@code {median: 200ms, sigma: 0.5}}). All times in milliseconds.
 */
public record LatencySpec(Distribution distribution, long fixedMs, long minMs, long maxMs, long medianMs,
                          double sigma) {
    public enum Distribution { FIXED, UNIFORM, LOG_NORMAL }

    public static LatencySpec fixed(long ms) {
        return new LatencySpec(Distribution.FIXED, ms, ms, ms, ms, 0);
    }

    public static LatencySpec uniform(long minMs, long maxMs) {
        return new LatencySpec(Distribution.UNIFORM, 0, minMs, maxMs, 0, 0);
    }

    public static LatencySpec logNormal(long medianMs, double sigma) {
        return new LatencySpec(Distribution.LOG_NORMAL, 0, 0, 0, medianMs, sigma);
    }
}
