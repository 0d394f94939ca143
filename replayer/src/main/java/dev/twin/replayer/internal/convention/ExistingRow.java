package dev.twin.replayer.internal.convention;

import dev.twin.replayer.config.CreateRule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code create.exists.<field>} compiled: the table whose live row the value sent must name, and the refusal
 * answered when it names none (its body a template over {@code sent}, null for no body).
 */
public record ExistingRow(String table, int status, JsonTemplate body) {
    static Map<String, ExistingRow> compile(Map<String, CreateRule.Exists> rules) {
        Map<String, ExistingRow> out = new LinkedHashMap<>();
        if (rules != null) {
            rules.forEach((field, rule) -> out.put(field, new ExistingRow(rule.table(), rule.status(),
                    rule.body() == null || rule.body().isNull() ? null : JsonTemplate.compile(rule.body()))));
        }
        return Collections.unmodifiableMap(out);
    }
}
