package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.CreateRule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a table's creates do and answer, as inference decided it, one field per decision (twin.yaml's
 * {@code response.create}); the detectors that settle after the rows were followed (replaced values, lookups,
 * limits, upserts) fill in theirs, as the twin.yaml model's own {@link CreateRule.Replace}, {@link CreateRule.Lookup}
 * and {@link CreateRule.Limit}.
 */
public final class CreateRules {
    final int status;
    /** An acknowledgement answered instead of the row ({@code {ok, id: "{{item._id}}"}}), or null. */
    Map<String, Object> body;
    boolean emptyBody;
    final Map<String, String> generate = new TreeMap<>();
    final Map<String, String> derive = new LinkedHashMap<>();
    String location;
    final Map<String, String> headers = new TreeMap<>();
    final Map<String, CreateRule.Replace> replace = new LinkedHashMap<>();
    final Map<String, CreateRule.Lookup> lookup = new LinkedHashMap<>();
    final Map<String, CreateRule.Limit> limits = new LinkedHashMap<>();
    boolean upsert;
    /** The server's defaults stored with a new row when not sent, which a replace drops ({@code create.defaults}). */
    final Map<String, JsonNode> defaults = new LinkedHashMap<>();
    /** Sent fields that must name a row of another table, and the refusal when they do not. */
    final Map<String, CreateRule.Exists> exists = new LinkedHashMap<>();
    final Map<String, CreateRule.Form> forms = new LinkedHashMap<>();

    CreateRules(int status) {
        this.status = status;
    }

    /** Whether the creates answered an acknowledgement, which shows nothing of the row stored. */
    boolean acknowledges() {
        return body != null;
    }

    /** The {@code create:} mapping. */
    public Map<String, Object> toYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        if (body != null) {
            out.put("body", body);
        }
        putIfAny(out, "generate", generate);
        putIfAny(out, "derive", derive);
        if (location != null) {
            out.put("location", location);
        }
        if (emptyBody) {
            out.put("emptyBody", true);
        }
        putIfAny(out, "headers", headers);
        Map<String, Object> replaced = new LinkedHashMap<>();
        replace.forEach((field, r) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("with", r.with());
            entry.put("keep", r.keep().pattern());
            if (r.table() != null) {
                entry.put("table", r.table());
            }
            replaced.put(field, entry);
        });
        putIfAny(out, "replace", replaced);
        Map<String, Object> lookups = new LinkedHashMap<>();
        lookup.forEach((field, l) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("table", l.table());
            entry.put("by", l.by());
            entry.put("field", l.field());
            lookups.put(field, entry);
        });
        putIfAny(out, "lookup", lookups);
        Map<String, Object> limited = new LinkedHashMap<>();
        limits.forEach((field, l) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("table", l.table());
            entry.put("by", l.by());
            entry.put("max", l.max());
            if (l.less() != null) {
                entry.put("less", l.less());
            }
            Map<String, String> error = new LinkedHashMap<>();
            if (l.code() != null) {
                error.put("code", l.code());
            }
            if (l.param() != null) {
                error.put("param", l.param());
            }
            error.put("message", l.message());
            entry.put("error", error);
            limited.put(field, entry);
        });
        putIfAny(out, "limits", limited);
        if (upsert) {
            out.put("upsert", true);
        }
        putIfAny(out, "defaults", defaults);
        Map<String, Object> existing = new LinkedHashMap<>();
        exists.forEach((field, e) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("table", e.table());
            entry.put("status", e.status());
            if (e.body() != null) {
                entry.put("body", e.body());
            }
            existing.put(field, entry);
        });
        putIfAny(out, "exists", existing);
        Map<String, Object> formed = new LinkedHashMap<>();
        forms.forEach((field, f) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pattern", f.pattern().pattern());
            entry.put("status", f.status());
            if (f.body() != null) {
                entry.put("body", f.body());
            }
            formed.put(field, entry);
        });
        putIfAny(out, "forms", formed);
        return out;
    }

    private static void putIfAny(Map<String, Object> out, String key, Map<String, ?> value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
