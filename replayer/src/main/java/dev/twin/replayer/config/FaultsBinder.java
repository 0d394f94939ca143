package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds {@code faults:}. Operation globs are checked against the imported operations by the server. */
final class FaultsBinder {
    private FaultsBinder() {
    }

    static FaultsConfig bind(YamlMapping root) {
        YamlMapping m = root.mapping("faults");
        if (m == null) {
            return FaultsConfig.NONE;
        }
        m.allowOnly("seed", "rules");
        long seed = 0;
        if (m.has("seed")) {
            JsonNode value = m.node().get("seed");
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                seed = value.longValue();
            } else {
                m.problem("seed", "expected an integer, got " + YamlMapping.describe(value, null));
            }
        }
        List<FaultRule> rules = new ArrayList<>();
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        List<YamlMapping> entries = m.mappings("rules");
        for (int i = 0; i < entries.size(); i++) {
            FaultRule rule = rule(entries.get(i), i, names);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new FaultsConfig(seed, rules);
    }

    private static FaultRule rule(YamlMapping r, int index, Map<String, SourceLocation> names) {
        int before = r.context().problems().size();
        r.allowOnly("name", "operation", "tenant", "fault", "latency", "probability");
        String name = r.string("name", "rule-" + index);
        SourceLocation earlier = names.putIfAbsent(name, r.location("name"));
        if (earlier != null) {
            r.problem("name", "duplicate fault rule '" + name + "' (also at " + earlier + ")");
        }
        List<String> operations = r.has("operation") ? SandboxBinding.globs(r, "operation") : List.of("*");
        FaultType fault = SandboxBinding.fault(r, "fault");
        LatencySpec latency = SandboxBinding.latency(r, "latency");
        double probability = 1.0;
        if (r.has("probability")) {
            JsonNode value = r.node().get("probability");
            if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 1) {
                r.problem("probability", "expected a number from 0 to 1, got " + YamlMapping.describe(value, null));
            } else {
                probability = value.doubleValue();
            }
        }
        if (!r.has("fault") && !r.has("latency")) {
            r.problem("nothing to do: give a fault, a latency, or both");
        }
        if (r.context().problems().size() > before || operations == null || (fault == null && latency == null)) {
            return null;
        }
        return new FaultRule(name, operations, r.string("tenant"), fault, latency, probability, r.location(),
                r.pointer());
    }
}
