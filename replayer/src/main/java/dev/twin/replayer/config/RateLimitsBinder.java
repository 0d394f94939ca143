package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code rateLimits:}. Operation globs are checked against the imported operations by the server. */
final class RateLimitsBinder {
    private static final Set<String> HEADER_KEYS = Set.of("limit", "remaining", "reset");

    private RateLimitsBinder() {
    }

    static List<RateLimit> bind(YamlMapping root) {
        List<RateLimit> limits = new ArrayList<>();
        List<YamlMapping> entries = root.mappings("rateLimits");
        for (int i = 0; i < entries.size(); i++) {
            RateLimit limit = bindOne(entries.get(i), i);
            if (limit != null) {
                limits.add(limit);
            }
        }
        return limits;
    }

    private static RateLimit bindOne(YamlMapping m, int index) {
        int before = m.context().problems().size();
        m.allowOnly("name", "operations", "capacity", "refillPerSecond", "headers", "message");
        List<String> operations = m.has("operations") ? SandboxBinding.globs(m, "operations") : List.of("*");
        Integer capacity = m.require("capacity") ? m.integer("capacity", null, 1, 1_000_000) : null;
        double refill = 0;
        if (m.require("refillPerSecond")) {
            JsonNode value = m.node().get("refillPerSecond");
            if (!value.isNumber() || value.doubleValue() <= 0) {
                m.problem("refillPerSecond", "expected a positive number, got " + YamlMapping.describe(value, null));
            } else {
                refill = value.doubleValue();
            }
        }
        Map<String, String> headers = m.stringMap("headers", HEADER_KEYS);
        if (m.context().problems().size() > before || operations == null || capacity == null) {
            return null;
        }
        Map<String, String> named = headers == null ? Map.of() : headers;
        return new RateLimit(m.string("name", "limit-" + index), operations, capacity, refill, named.get("limit"),
                named.get("remaining"), named.get("reset"), m.string("message", RateLimit.DEFAULT_MESSAGE),
                m.location(), m.pointer());
    }
}
