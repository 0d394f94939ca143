package dev.twin.replayer.config;

import java.util.List;
import java.util.Optional;

/**
 * The sandbox controls of a twin.yaml: scenarios and magic values, faults and latency.
 */
public record SandboxConfig(List<Scenario> scenarios, FaultsConfig faults) {
    public static final SandboxConfig NONE = new SandboxConfig(List.of(), FaultsConfig.NONE);

    public SandboxConfig {
        scenarios = List.copyOf(scenarios);
        java.util.Objects.requireNonNull(faults, "faults");
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
