package dev.twin.replayer.internal.fault;

import dev.twin.replayer.config.LatencySpec;

import java.util.SplittableRandom;

/**
 * Draws one delay from a latency distribution: fixed draws nothing from the random, uniform one double,
 * log-normal two (Box-Muller).
 */
public final class LatencySampler {
    private LatencySampler() {
    }

    public static long sample(LatencySpec spec, SplittableRandom random) {
        return switch (spec.distribution()) {
            case FIXED -> spec.fixedMs();
            case UNIFORM -> spec.minMs() == spec.maxMs() ? spec.minMs()
                    : spec.minMs() + (long) (random.nextDouble() * (spec.maxMs() - spec.minMs() + 1));
            case LOG_NORMAL -> Math.round(spec.medianMs() * Math.exp(spec.sigma() * gaussian(random)));
        };
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: always exactly two doubles, so the seed's sequence stays predictable
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
