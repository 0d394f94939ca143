package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the values the sandbox sections share: latencies, fault names, operation globs. */
final class SandboxBinding {
    private SandboxBinding() {
    }

    /** {@code 200ms} (fixed), {@code {min: 100ms, max: 500ms}} (uniform), {@code {median: 200ms, sigma: 0.5}}. */
    static LatencySpec latency(YamlMapping m, String key) {
        if (!m.has(key)) {
            return null;
        }
        JsonNode value = m.node().get(key);
        if (value.isValueNode()) {
            Duration fixed = m.duration(key, null);
            return fixed == null ? null : LatencySpec.fixed(fixed.toMillis());
        }
        YamlMapping l = m.mapping(key);
        if (l == null) {
            return null;
        }
        l.allowOnly("min", "max", "median", "sigma");
        if (l.has("median")) {
            Duration median = l.duration("median", null);
            double sigma = 0.5;
            if (l.has("sigma")) {
                JsonNode s = l.node().get("sigma");
                if (!s.isNumber() || s.doubleValue() <= 0 || s.doubleValue() > 10) {
                    l.problem("sigma", "expected a number between 0 and 10, got " + YamlMapping.describe(s, null));
                    return null;
                }
                sigma = s.doubleValue();
            }
            return median == null ? null : LatencySpec.logNormal(median.toMillis(), sigma);
        }
        if (!l.require("min") || !l.require("max")) {
            return null;
        }
        Duration min = l.duration("min", null);
        Duration max = l.duration("max", null);
        if (min == null || max == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            l.problem("min is greater than max");
            return null;
        }
        return LatencySpec.uniform(min.toMillis(), max.toMillis());
    }

    static FaultType fault(YamlMapping m, String key) {
        return m.enumValue(key, FaultType.class, null);
    }

    /** A glob or a list of globs; null (reported) when empty or not strings. */
    static List<String> globs(YamlMapping m, String key) {
        if (!m.has(key)) {
            return null;
        }
        JsonNode value = m.node().get(key);
        if (value.isValueNode()) {
            return List.of(m.string(key));
        }
        List<String> globs = m.strings(key);
        if (globs != null && globs.isEmpty()) {
            m.problem(key, "at least one operation is required");
            return null;
        }
        return globs == null ? null : new ArrayList<>(globs);
    }
}
