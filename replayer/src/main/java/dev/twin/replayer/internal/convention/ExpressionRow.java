package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.state.Row;

import java.util.Iterator;
import java.util.Map;

/**
 * A row as lifecycles and callbacks read and write it: every field the API shows, under the name it shows
 * ({@code to}, {@code status}, the injected defaults, the timestamps), plus the stored fields it never shows under
 * their own names (Twilio's {@code StatusCallback}, sent on the create and kept, but not part of a Message).
 */
public final class ExpressionRow {
    private ExpressionRow() {
    }

    /** The row's fields as plain values ({@link PlainValues}), for an expression's {@code row}. */
    public static Map<String, Object> of(RowShaper shaper, Row row) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) PlainValues.toPlain(json(shaper, row));
        return plain;
    }

    /** As {@link #of}, as JSON that shares nothing with the row. */
    public static ObjectNode json(RowShaper shaper, Row row) {
        ObjectNode view = shaper.shape(row).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.storedFields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String shown = shaper.publicName(field.getKey());
            if (!view.has(shown)) {
                view.set(shown, field.getValue().deepCopy());
            }
        }
        return view;
    }

    /**
     * The stored field a write to the shown field {@code shownName} goes to: the row's stored field shown under that
     * name ({@code Status} for {@code status} after a client sent {@code Status}) — the last one when several are,
     * since the last is the one shown — else the name itself.
     */
    public static String storedName(RowShaper shaper, Row row, String shownName) {
        String found = shownName;
        for (Iterator<Map.Entry<String, JsonNode>> it = row.storedFields(); it.hasNext(); ) {
            String stored = it.next().getKey();
            if (shaper.publicName(stored).equals(shownName)) {
                found = stored;
            }
        }
        return found;
    }

    /** The shown field's value as text (null when absent, null or not a single value). */
    public static String text(RowShaper shaper, Row row, String shownName) {
        JsonNode value = row.storedField(storedName(shaper, row, shownName));
        if (value == null) {
            value = shaper.shape(row).get(shownName); // a default the API shows (an injected status)
        }
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
