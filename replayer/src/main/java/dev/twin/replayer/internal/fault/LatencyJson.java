package dev.twin.replayer.internal.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.twin.replayer.config.Durations;
import dev.twin.replayer.config.LatencySpec;

import java.time.Duration;

/**
 * Latencies in the runtime API, written as in twin.yaml: {@code "200ms"}, {@code {min, max}},
 * {@code {median, sigma}}.
 */
final class LatencyJson {
    private LatencyJson() {
    }

    static JsonNode write(LatencySpec spec) {
        var nodes = JsonNodeFactory.instance;
        return switch (spec.distribution()) {
            case FIXED -> nodes.textNode(spec.fixedMs() + "ms");
            case UNIFORM -> nodes.objectNode().put("min", spec.minMs() + "ms").put("max", spec.maxMs() + "ms");
            case LOG_NORMAL -> nodes.objectNode().put("median", spec.medianMs() + "ms").put("sigma", spec.sigma());
        };
    }

    /** @throws IllegalArgumentException with a message for the client */
    static LatencySpec read(JsonNode value) {
        if (value.isTextual()) {
            return LatencySpec.fixed(duration(value, "latency"));
        }
        if (value.isObject() && value.has("median")) {
            double sigma = value.path("sigma").asDouble(0.5);
            if (sigma <= 0 || sigma > 10) {
                throw new IllegalArgumentException("latency.sigma must be above 0 and at most 10");
            }
            return LatencySpec.logNormal(duration(value.get("median"), "latency.median"), sigma);
        }
        if (value.isObject() && value.has("min") && value.has("max")) {
            long min = duration(value.get("min"), "latency.min");
            long max = duration(value.get("max"), "latency.max");
            if (min > max) {
                throw new IllegalArgumentException("latency.min is greater than latency.max");
            }
            return LatencySpec.uniform(min, max);
        }
        throw new IllegalArgumentException("latency must be a duration (\"200ms\"), {\"min\", \"max\"} or "
                + "{\"median\", \"sigma\"}");
    }

    private static long duration(JsonNode value, String field) {
        Duration parsed = value == null || !value.isTextual() ? null : Durations.parse(value.textValue()).orElse(null);
        if (parsed == null) {
            throw new IllegalArgumentException(field + " must be a duration such as \"250ms\" or \"2s\", got " + value);
        }
        return parsed.toMillis();
    }
}
