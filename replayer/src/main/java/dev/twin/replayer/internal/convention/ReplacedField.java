package dev.twin.replayer.internal.convention;

import dev.twin.replayer.config.CreateRule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A field whose sent value a create replaces by one the server mints ({@code create.replace}), compiled: the value
 * sent is kept when it matches {@code keep} or names a live row of {@code table}.
 *
 * @param with  the minted value, rendered over {@code item} (the new row)
 * @param keep  sent values kept as they are, or null
 * @param table the table whose live row ids are kept as they are, or null
 */
public record ReplacedField(StringTemplate with, Pattern keep, String table) {

    static Map<String, ReplacedField> compile(Map<String, CreateRule.Replace> rules) {
        Map<String, ReplacedField> out = new LinkedHashMap<>();
        if (rules != null) {
            rules.forEach((field, rule) -> out.put(field, new ReplacedField(StringTemplate.compile(rule.with()),
                    rule.keep(), rule.table())));
        }
        return Map.copyOf(out);
    }

    /** Whether a sent text is the server's own already, by its shape (a live row is the caller's to check). */
    public boolean keepsShape(String sent) {
        return keep != null && keep.matcher(sent).matches();
    }
}
