package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What a scenario answers ({@code then:}). With {@code set}, the operation runs first as usual and {@code set} is
 * then applied to the row it created or changed; without it the operation does not run at all.
 *
 * @param status  the HTTP status (with {@code body}, or over a successful operation's answer); null = unchanged
 * @param error   a provider-shaped error, or null
 * @param body    a JSON body whose string leaves are Handlebars templates, or null
 * @param set     field → JEXL expression, merged into the affected row; empty = none
 * @param latency extra delay before the answer is sent, or null
 * @param fault   a transport fault instead of an answer, or null
 * @param headers response headers added to the answer ({@code Retry-After} on a forced 429); empty = none
 */
public record ScenarioAnswer(Integer status, ScenarioError error, JsonNode body, Map<String, Expression> set,
                             LatencySpec latency, FaultType fault, Map<String, String> headers) {
    public ScenarioAnswer {
        set = set == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(headers));
    }
}
