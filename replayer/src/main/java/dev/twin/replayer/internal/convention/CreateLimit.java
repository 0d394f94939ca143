package dev.twin.replayer.internal.convention;

import dev.twin.replayer.config.CreateRule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A create's bound on a sent number ({@code create.limits}), compiled: the rule and its error message template.
 *
 * @param rule    what is compared with what
 * @param message the error's message, rendered over {@code sent}, {@code remaining} and {@code row}
 */
public record CreateLimit(CreateRule.Limit rule, StringTemplate message) {

    static Map<String, CreateLimit> compile(Map<String, CreateRule.Limit> limits) {
        Map<String, CreateLimit> out = new LinkedHashMap<>();
        if (limits != null) {
            limits.forEach((field, limit) -> out.put(field, new CreateLimit(limit,
                    StringTemplate.compile(limit.message()))));
        }
        return Map.copyOf(out);
    }
}
