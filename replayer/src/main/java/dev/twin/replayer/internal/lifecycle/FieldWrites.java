package dev.twin.replayer.internal.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.internal.convention.ExpressionRow;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.state.Row;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the fields a lifecycle sets ({@code set:} of a transition, a state or an update) into a row's data: each
 * expression evaluated first, then each value stored where the row keeps the field it shows under that name.
 */
final class FieldWrites {
    private static final System.Logger LOG = System.getLogger(FieldWrites.class.getName());

    private FieldWrites() {
    }

    /** False (logged, {@code data} unchanged) when an expression cannot be evaluated. */
    static boolean apply(Map<String, Expression> set, MapContext variables, RowShaper shaper, Row row,
                         ObjectNode data, String where) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Expression> field : set.entrySet()) {
                values.put(field.getKey(), field.getValue().evaluate(variables));
            }
        } catch (JexlException e) {
            LOG.log(System.Logger.Level.WARNING, "lifecycles: " + where + " could not be evaluated for row '"
                    + row.id() + "': " + e.getMessage());
            return false;
        }
        values.forEach((field, value) -> data.set(ExpressionRow.storedName(shaper, row, field),
                PlainValues.toJson(value)));
        return true;
    }
}
