package dev.twin.replayer.config;

import java.util.List;
import java.util.Optional;

/**
 * The sandbox controls of a twin.yaml: scenarios and magic values, faults and latency, rate limits, events and
 * webhooks, the twin's clock, lifecycles (rows that change state as time passes) and callbacks.
 */
public record SandboxConfig(List<Scenario> scenarios, FaultsConfig faults, List<RateLimit> rateLimits,
                            EventsConfig events, List<Webhook> webhooks, ClockConfig clock,
                            List<Lifecycle> lifecycles, CallbacksConfig callbacks) {
    public static final SandboxConfig NONE = new SandboxConfig(List.of(), FaultsConfig.NONE, List.of(),
            EventsConfig.NONE, List.of());

    public SandboxConfig {
        scenarios = List.copyOf(scenarios);
        rateLimits = List.copyOf(rateLimits);
        java.util.Objects.requireNonNull(events, "events");
        webhooks = List.copyOf(webhooks);
        java.util.Objects.requireNonNull(faults, "faults");
        java.util.Objects.requireNonNull(clock, "clock");
        lifecycles = List.copyOf(lifecycles);
        java.util.Objects.requireNonNull(callbacks, "callbacks");
    }

    /** Without a clock, lifecycles or callbacks. */
    public SandboxConfig(List<Scenario> scenarios, FaultsConfig faults, List<RateLimit> rateLimits,
                         EventsConfig events, List<Webhook> webhooks) {
        this(scenarios, faults, rateLimits, events, webhooks, ClockConfig.SYSTEM, List.of(), CallbacksConfig.NONE);
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
