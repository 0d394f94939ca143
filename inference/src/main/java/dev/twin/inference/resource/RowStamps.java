package dev.twin.inference.resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the server stamps on a row at each write, as inference read it. */
public final class RowStamps {
    private RowStamps() {
    }

    /**
     * A revision the server advances on every write ({@code _rev}): twin.yaml's {@code response.revision}.
     *
     * @param field   the row field holding it
     * @param param   the query parameter that may name it ({@code ?rev=}), or null
     * @param enforce whether a write must name the current revision (stale ones were refused with 409)
     */
    public record Revision(String field, String param, boolean enforce) {
        public Map<String, Object> toYaml() {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("field", field);
            if (param != null) {
                rule.put("param", param);
            }
            rule.put("enforce", enforce);
            return rule;
        }
    }

    /**
     * Row fields holding the API's write counter as of a write: twin.yaml's {@code response.writeIndex}.
     *
     * @param created the field holding the counter as of the create, or null
     * @param modified the field holding it as of the latest write, or null
     */
    public record WriteIndex(String created, String modified) {
        public Map<String, Object> toYaml() {
            Map<String, Object> rule = new LinkedHashMap<>();
            if (created != null) {
                rule.put("created", created);
            }
            if (modified != null) {
                rule.put("modified", modified);
            }
            return rule;
        }
    }
}
