package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.CopyTo;
import dev.twin.replayer.config.ImmutableFields;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a table's PUTs and PATCHes answer and do besides storing the row, and how it keeps raw bytes, as inference
 * decided it (twin.yaml's {@code response.update}, {@code response.patch} and {@code response.content}).
 */
public final class WriteRules {
    private WriteRules() {
    }

    /** {@code update.checksum}: a PUT must name the digest of its bytes in {@code param}, else this refusal. */
    public record Checksum(String param, String form, int status, JsonNode body) {
    }

    /** {@code response.update}. */
    public static final class Update {
        Integer status;
        boolean upsert;
        Integer createdStatus;
        boolean emptyBody;
        String location;
        /** An acknowledgement answered instead of the row, or null. */
        Map<String, Object> body;
        final Map<String, String> headers = new TreeMap<>();
        /** Fields a PUT may not change, refused with this status and body (the twin.yaml model's own record). */
        ImmutableFields immutable;
        /** A PUT also stores the row in another table under a value it sent. */
        CopyTo copyTo;
        String alias;
        Checksum checksum;
        /** A PUT sets what it sends and keeps the row's other fields. */
        boolean keepUnsent;

        public Map<String, Object> toYaml() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (upsert) {
                out.put("upsert", true);
                out.put("createdStatus", createdStatus);
            }
            putIfSet(out, "status", status);
            if (emptyBody) {
                out.put("emptyBody", true);
            }
            putIfSet(out, "location", location);
            putIfSet(out, "body", body);
            if (!headers.isEmpty()) {
                out.put("headers", headers);
            }
            if (immutable != null) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("fields", immutable.fields());
                rule.put("status", immutable.status());
                putIfSet(rule, "body", immutable.body());
                out.put("immutable", rule);
            }
            if (copyTo != null) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("table", copyTo.table());
                rule.put("idParam", copyTo.idParam());
                out.put("copyTo", rule);
            }
            putIfSet(out, "alias", alias);
            if (keepUnsent) {
                out.put("keepUnsent", true);
            }
            if (checksum != null) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("param", checksum.param());
                rule.put("form", checksum.form());
                rule.put("status", checksum.status());
                putIfSet(rule, "body", checksum.body());
                out.put("checksum", rule);
            }
            return out;
        }
    }

    /** {@code response.patch}. */
    public static final class Patch {
        boolean emptyBody;
        String location;
        final Map<String, String> headers = new TreeMap<>();

        public Map<String, Object> toYaml() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (emptyBody) {
                out.put("emptyBody", true);
            }
            putIfSet(out, "location", location);
            if (!headers.isEmpty()) {
                out.put("headers", headers);
            }
            return out;
        }
    }

    /** {@code response.content}: rows keep the bytes clients write. */
    public static final class Content {
        String mediaType;
        final Map<String, String> headers = new LinkedHashMap<>();
        boolean append;

        public Map<String, Object> toYaml() {
            Map<String, Object> out = new LinkedHashMap<>();
            putIfSet(out, "mediaType", mediaType);
            if (!headers.isEmpty()) {
                out.put("headers", headers);
            }
            if (append) {
                out.put("append", true);
            }
            return out;
        }
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
