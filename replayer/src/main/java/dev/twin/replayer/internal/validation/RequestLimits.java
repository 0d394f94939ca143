package dev.twin.replayer.internal.validation;

import dev.twin.replayer.internal.form.BracketName;
import dev.twin.replayer.internal.form.FormPair;

import java.util.List;

/**
 * The hard limits on what one request may send, checked before any tree is built from it: how deeply parameters
 * nest ({@code a[b][c]} or JSON objects in objects) and how many there are. Everything after decoding (shape
 * coercion, schema validation, storing and rendering rows) walks the tree recursively, and the launcher's thread
 * stack is small ({@code -Xss512k}), so a 1,000-level name once overflowed it and the connection was dropped. The
 * limits are far below any stack and far above what real APIs send (Rack, which Stripe runs on, allows 32 levels).
 */
final class RequestLimits {
    /** Levels of nesting: {@code metadata[a]} is 2 levels, as is {@code {"metadata": {"a": 1}}}. */
    static final int MAX_DEPTH = 32;
    /** Form or query pairs per request; values (object members and array items) in a JSON body. */
    static final int MAX_PARAMETERS = 1000;

    private RequestLimits() {
    }

    /** The first limit {@code pairs} exceed as the violation to answer, or null when they are within them. */
    static Violation check(List<FormPair> pairs, String location) {
        if (pairs.size() > MAX_PARAMETERS) {
            return tooMany(BracketName.root(pairs.get(MAX_PARAMETERS).name()), location);
        }
        for (FormPair pair : pairs) {
            if (BracketName.depth(pair.name()) > MAX_DEPTH) {
                return tooDeep(BracketName.root(pair.name()), location);
            }
        }
        return null;
    }

    static Violation tooDeep(String param, String location) {
        return new Violation(param, location, "Invalid " + param + ": parameters can be nested at most "
                + MAX_DEPTH + " levels deep.");
    }

    static Violation tooMany(String param, String location) {
        return new Violation(param, location, "Too many parameters: a request can send at most " + MAX_PARAMETERS
                + " (" + param + " is beyond the limit).");
    }
}
