package dev.twin.replayer.internal.verify;

import java.util.Objects;

/**
 * One way the twin's answer differs from the recorded one.
 *
 * @param where    {@code status}, {@code header Content-Type}, a JSON path ({@code $.data[0].id}) or {@code body}
 * @param recorded what the recording had (JSON text for JSON values), or null when it had nothing there
 * @param twin     what the twin answered, or null when it had nothing there
 */
public record Divergence(Kind kind, String where, String recorded, String twin) {
    public enum Kind {
        STATUS_CHANGED("status changed"),
        NO_SUCH_OPERATION("no such operation in the twin"),
        HEADER_MISSING("missing"),
        HEADER_CHANGED("value changed"),
        MISSING_FIELD("missing field"),
        EXTRA_FIELD("extra field"),
        TYPE_CHANGED("type changed"),
        VALUE_CHANGED("value changed"),
        ID_SHAPE_CHANGED("id shape changed"),
        BODY_CHANGED("differs");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Divergence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
    }

    /** E.g. {@code body $.object value changed: recorded "customer", twin "customers"}. */
    public String describe() {
        String place = switch (kind) {
            case STATUS_CHANGED, NO_SUCH_OPERATION -> "";
            case HEADER_MISSING, HEADER_CHANGED -> where + " ";
            default -> where.startsWith("$") ? "body " + where + " " : where + " ";
        };
        StringBuilder text = new StringBuilder(place).append(kind.words());
        if (kind == Kind.NO_SUCH_OPERATION) {
            return text.toString();
        }
        if (recorded != null && twin != null) {
            text.append(": recorded ").append(recorded).append(", twin ").append(twin);
        } else if (recorded != null) {
            text.append(": recorded ").append(recorded);
        } else if (twin != null) {
            text.append(": twin ").append(twin);
        }
        return text.toString();
    }
}
