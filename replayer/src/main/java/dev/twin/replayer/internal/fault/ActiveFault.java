package dev.twin.replayer.internal.fault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.FaultType;
import dev.twin.replayer.config.LatencySpec;
import dev.twin.replayer.internal.scenario.OperationGlob;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A fault rule in force, with its own random: each request it matches draws one double (only when its probability
 * is below 1) and, when it fires with a non-fixed latency, the latency's draws.
 *
 * @param operations   the globs as given
 * @param operationIds the operation ids the globs matched when the rule was installed: a request only looks its
 *                     operation up here, so no glob is matched while serving (nor under the board's lock)
 * @param tenant       a tenant key, or null for every tenant
 * @param origin       {@code config} (twin.yaml) or {@code runtime} (set through {@code /__twin/faults})
 */
record ActiveFault(String name, List<OperationGlob> operations, Set<String> operationIds, String tenant,
                   FaultType fault, LatencySpec latency, double probability, SplittableRandom random, String origin) {

    ActiveFault {
        operations = List.copyOf(operations);
        operationIds = Set.copyOf(operationIds);
    }

    /** The operation ids among {@code ids} that any of {@code globs} matches. */
    static Set<String> matching(List<OperationGlob> globs, List<String> ids) {
        Set<String> matched = new HashSet<>();
        for (String id : ids) {
            for (OperationGlob glob : globs) {
                if (glob.matches(id)) {
                    matched.add(id);
                    break;
                }
            }
        }
        return matched;
    }

    /** This rule with its globs matched against another set of operations (after a reload). */
    ActiveFault matchedAgainst(List<String> ids) {
        return new ActiveFault(name, operations, matching(operations, ids), tenant, fault, latency, probability,
                random, origin);
    }

    boolean applies(String operationId, String requestTenant) {
        return (tenant == null || tenant.equals(requestTenant)) && operationIds.contains(operationId);
    }

    /** Draws whether this request is faulted; must be called with the random's lock held. */
    boolean fires() {
        return probability >= 1.0 || random.nextDouble() < probability;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name);
        var globs = json.putArray("operation");
        operations.forEach(g -> globs.add(g.toString()));
        json.put("tenant", tenant);
        json.put("fault", fault == null ? null : fault.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.set("latency", latency == null ? null : LatencyJson.write(latency));
        json.put("probability", probability);
        json.put("origin", origin);
        return json;
    }
}
