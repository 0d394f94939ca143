package dev.twin.replayer.internal.generate;

/** Derives child seeds so a value depends only on (seed, path), not on what was generated before it. */
final class Seeds {

    private Seeds() {
    }

    static long child(long seed, String name) {
        return mix(seed * 31 + name.hashCode());
    }

    static long child(long seed, int index) {
        return mix(seed * 31 + 0x9E3779B97F4A7C15L + index);
    }

    /** SplitMix64 finaliser: spreads nearby inputs over the whole long range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
