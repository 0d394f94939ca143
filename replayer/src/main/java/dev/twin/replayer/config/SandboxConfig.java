package dev.twin.replayer.config;

import java.util.List;
import java.util.Optional;

/**
 * The sandbox controls of a twin.yaml: scenarios and magic values.
 */
public record SandboxConfig(List<Scenario> scenarios) {
    public static final SandboxConfig NONE = new SandboxConfig(List.of());

    public SandboxConfig {
        scenarios = List.copyOf(scenarios);
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
