package dev.twin.replayer.config;

import java.util.List;

/** {@code faults:}: the seed every probability and latency draw derives from, and the rules in order. */
public record FaultsConfig(long seed, List<FaultRule> rules) {
    public static final FaultsConfig NONE = new FaultsConfig(0L, List.of());

    public FaultsConfig {
        rules = List.copyOf(rules);
    }
}
