package dev.twin.replayer.internal.fault;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.config.FaultRule;
import dev.twin.replayer.config.FaultType;
import dev.twin.replayer.config.LatencySpec;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.scenario.OperationGlob;
import dev.twin.replayer.internal.state.TenantResolver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fault rules in force: twin.yaml's ({@code faults.rules}) followed by those set at runtime. Reproducible: a
 * root {@link SplittableRandom} is seeded with {@code faults.seed}, and every rule gets its own stream split from
 * it, twin.yaml's rules in file order on load, runtime rules in the order they are added (or seeded by their own
 * {@code seed}). A request tries the rules in order; each rule whose operation and tenant match draws one double
 * (only when its probability is below 1) and the first that fires applies — it also draws its latency (uniform:
 * one double, log-normal: two); later rules draw nothing. So the same seed and the same sequence of requests give
 * the same faults, whatever other rules see.
 */
public final class FaultBoard {
    /** Every request tries every rule (under the lock), so runtime rules are bounded. */
    static final int MAX_RUNTIME_RULES = 1000;

    private final Object lock = new Object();
    private final List<ActiveFault> configRules = new ArrayList<>();
    private final List<ActiveFault> runtimeRules = new ArrayList<>();
    /** Names of rules switched off at runtime: kept, listed, not applied (across reloads too). */
    private final Set<String> switchedOff = new java.util.HashSet<>();
    private SplittableRandom root = new SplittableRandom(0);
    /** The operations of the last install; read without the lock by {@link #add} to match globs outside it. */
    private volatile List<String> operationIds = List.of();

    /** What happens to one request: a fault (or null) after a delay (or 0). */
    public record Decision(String rule, FaultType fault, long delayMs) {
    }

    /**
     * Installs twin.yaml's rules (on start and on every reload, which restarts the seed's sequence); runtime rules
     * stay.
     *
     * @throws ConfigException when a rule's operation glob matches no imported operation
     */
    public void install(TwinConfig config, List<String> operations) throws ConfigException {
        // every glob is matched here, before the lock that decide() needs is taken
        TenantResolver tenants = new TenantResolver(config.tenancy());
        List<ConfigProblem> problems = new ArrayList<>();
        List<ActiveFault> rules = new ArrayList<>();
        SplittableRandom seeded = new SplittableRandom(config.sandbox().faults().seed());
        for (FaultRule rule : config.sandbox().faults().rules()) {
            List<OperationGlob> globs = new ArrayList<>();
            for (String glob : rule.operations()) {
                String refused = OperationGlob.problem(glob);
                if (refused != null) {
                    problems.add(ConfigProblems.at(config.sourceMap(), rule.pointer() + "/operation", refused));
                    continue;
                }
                OperationGlob compiled = OperationGlob.of(glob);
                if (operations.stream().noneMatch(compiled::matches)) {
                    problems.add(ConfigProblems.at(config.sourceMap(), rule.pointer() + "/operation",
                            ConfigProblems.withSuggestion("no imported operation matches '" + glob
                                    + "', so this fault could never apply", glob, operations)));
                }
                globs.add(compiled);
            }
            rules.add(new ActiveFault(rule.name(), globs, ActiveFault.matching(globs, operations),
                    rule.tenant() == null ? null : tenants.tenantFromOperator(rule.tenant()), rule.fault(),
                    rule.latency(), rule.probability(), seeded.split(), "config"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<ActiveFault, ActiveFault> rematched = new IdentityHashMap<>();
        for (ActiveFault runtime : rules()) {
            if (runtime.origin().equals("runtime")) {
                rematched.put(runtime, runtime.matchedAgainst(operations));
            }
        }
        synchronized (lock) {
            configRules.clear();
            configRules.addAll(rules);
            runtimeRules.replaceAll(rule -> rematched.getOrDefault(rule, rule));
            root = seeded;
            operationIds = List.copyOf(operations);
        }
    }

    /** The decision for one request, or empty when no rule fires. */
    public Optional<Decision> decide(String operationId, String tenant) {
        synchronized (lock) {
            for (List<ActiveFault> rules : List.of(configRules, runtimeRules)) {
                for (ActiveFault rule : rules) {
                    if (rule.applies(operationId, tenant) && (switchedOff.isEmpty()
                            || !switchedOff.contains(rule.name())) && rule.fires()) {
                        long delay = rule.latency() == null ? 0 : LatencySampler.sample(rule.latency(), rule.random());
                        return Optional.of(new Decision(rule.name(), rule.fault(), delay));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Adds a runtime rule after the others (replacing a runtime rule of the same name).
     *
     * @param seed its own seed, or null to split one from the board's
     * @throws IllegalArgumentException with a message for the client
     */
    ActiveFault add(String name, List<String> operations, String tenantKey, FaultType fault, LatencySpec latency,
                    double probability, Long seed) {
        if (fault == null && latency == null) {
            throw new IllegalArgumentException("a fault rule needs a fault, a latency, or both");
        }
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be from 0 to 1, got " + probability);
        }
        List<String> known = operationIds;
        List<OperationGlob> globs = new ArrayList<>();
        for (String glob : operations) {
            String refused = OperationGlob.problem(glob);
            if (refused != null) {
                throw new IllegalArgumentException(refused);
            }
            OperationGlob compiled = OperationGlob.of(glob);
            if (known.stream().noneMatch(compiled::matches)) {
                throw new IllegalArgumentException(ConfigProblems.withSuggestion("no operation matches '" + glob
                        + "'", glob, known));
            }
            globs.add(compiled);
        }
        Set<String> matched = ActiveFault.matching(globs, known);
        synchronized (lock) {
            String ruleName = name != null ? name : "runtime-" + (runtimeRules.size() + 1);
            if (configRules.stream().anyMatch(r -> r.name().equals(ruleName))) {
                throw new IllegalArgumentException("'" + ruleName + "' is a twin.yaml rule; choose another name");
            }
            runtimeRules.removeIf(r -> r.name().equals(ruleName));
            if (runtimeRules.size() >= MAX_RUNTIME_RULES) {
                throw new IllegalArgumentException("at most " + MAX_RUNTIME_RULES + " runtime fault rules are "
                        + "kept; remove some with DELETE /__twin/faults");
            }
            ActiveFault rule = new ActiveFault(ruleName, globs, matched, tenantKey, fault, latency, probability,
                    seed != null ? new SplittableRandom(seed) : root.split(), "runtime");
            runtimeRules.add(rule);
            return rule;
        }
    }

    /** Removes the rule with this name (twin.yaml's too, until the next reload), or every rule when null. */
    int clear(String name) {
        synchronized (lock) {
            int before = configRules.size() + runtimeRules.size();
            if (name == null) {
                configRules.clear();
                runtimeRules.clear();
            } else {
                configRules.removeIf(r -> r.name().equals(name));
                runtimeRules.removeIf(r -> r.name().equals(name));
            }
            return before - configRules.size() - runtimeRules.size();
        }
    }

    /**
     * Switches the rule named {@code name} off (it stays listed and is not applied) or back on.
     *
     * @return false when no rule has this name
     */
    boolean switchRule(String name, boolean on) {
        synchronized (lock) {
            boolean exists = configRules.stream().anyMatch(r -> r.name().equals(name))
                    || runtimeRules.stream().anyMatch(r -> r.name().equals(name));
            if (exists) {
                if (on) {
                    switchedOff.remove(name);
                } else {
                    switchedOff.add(name);
                }
            }
            return exists;
        }
    }

    boolean isOn(String name) {
        synchronized (lock) {
            return !switchedOff.contains(name);
        }
    }

    List<ActiveFault> rules() {
        synchronized (lock) {
            List<ActiveFault> all = new ArrayList<>(configRules);
            all.addAll(runtimeRules);
            return all;
        }
    }
}
