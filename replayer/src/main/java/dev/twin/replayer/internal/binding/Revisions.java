package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.RevisionRule;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.StateException;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A table's {@code revision:} rule at work: a new row gets revision {@code 1-<32 hex>}; a write to an existing row
 * must name the row's current revision (in the body field, or the query parameter) or is refused with CONFLICT,
 * as CouchDB refuses a stale {@code _rev}; each accepted write advances it ({@code 2-…}, {@code 3-…}).
 */
final class Revisions {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Revisions() {
    }

    /**
     * The revision {@code current} holds, once the request is found to name it.
     *
     * @return null when the table keeps no revisions or the row holds none
     * @throws StateException CONFLICT when the request names no revision or another one
     */
    static String check(RevisionRule rule, BoundRequest request, Row current) {
        if (!rule.enabled()) {
            return null;
        }
        String held = current.data().path(rule.field()).asText(null);
        if (rule.enforced() && held != null && !held.equals(named(rule, request))) {
            throw new StateException(new TwinError(ErrorKind.CONFLICT, "Document update conflict", rule.field()));
        }
        return held;
    }

    /** Stamps the row as it will be stored with the revision after {@code held} (the first when null). */
    static void stamp(RevisionRule rule, ObjectNode data, String held) {
        if (rule.enabled()) {
            data.put(rule.field(), next(held));
        }
    }

    /** The revision a request names: the body field, else the query parameter. */
    private static String named(RevisionRule rule, BoundRequest request) {
        JsonNode inBody = request.decoded().bodyObject().get(rule.field());
        if (inBody != null && inBody.isTextual()) {
            return inBody.textValue();
        }
        if (rule.param() != null) {
            List<String> values = request.routed().request().query().get(rule.param());
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
    }

    /** {@code 3-…} after {@code 2-…}; {@code 1-…} after none. */
    static String next(String revision) {
        long count = 0;
        if (revision != null) {
            int dash = revision.indexOf('-');
            try {
                count = Long.parseLong(dash < 0 ? revision : revision.substring(0, dash));
            } catch (NumberFormatException e) {
                count = 0;
            }
        }
        StringBuilder out = new StringBuilder().append(count + 1).append('-');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 32; i++) {
            out.append(HEX[random.nextInt(16)]);
        }
        return out.toString();
    }
}
