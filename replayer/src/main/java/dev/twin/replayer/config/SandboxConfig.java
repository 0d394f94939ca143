package dev.twin.replayer.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sandbox controls of a twin.yaml: scenarios and magic values, faults and latency, rate limits, events and
 * webhooks (written, and created over the API: {@code webhookEndpoints}), the twin's clock, lifecycles (rows that
 * change state as time passes) and callbacks.
 *
 * @param magic            {@code magicValues:} ({@link MagicValues#NONE} when not written)
 * @param webhookEndpoints the table whose rows are webhook endpoints, or null
 */
public record SandboxConfig(List<Scenario> scenarios, FaultsConfig faults, List<RateLimit> rateLimits,
                            EventsConfig events, List<Webhook> webhooks, MagicValues magic,
                            WebhookEndpoints webhookEndpoints, ClockConfig clock,
                            List<Lifecycle> lifecycles, CallbacksConfig callbacks) {
    public static final SandboxConfig NONE = new SandboxConfig(List.of(), FaultsConfig.NONE, List.of(),
            EventsConfig.NONE, List.of());

    /** Without magic values, webhook endpoints, a clock, lifecycles or callbacks. */
    public SandboxConfig(List<Scenario> scenarios, FaultsConfig faults, List<RateLimit> rateLimits,
                         EventsConfig events, List<Webhook> webhooks) {
        this(scenarios, faults, rateLimits, events, webhooks, MagicValues.NONE, null, ClockConfig.SYSTEM, List.of(),
                CallbacksConfig.NONE);
    }

    public SandboxConfig {
        scenarios = List.copyOf(scenarios);
        rateLimits = List.copyOf(rateLimits);
        Objects.requireNonNull(events, "events");
        webhooks = List.copyOf(webhooks);
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(magic, "magic");
        Objects.requireNonNull(clock, "clock");
        lifecycles = List.copyOf(lifecycles);
        Objects.requireNonNull(callbacks, "callbacks");
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
