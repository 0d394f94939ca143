package dev.twin.inference.diff;

import java.util.List;
import java.util.Set;

/**
 * What a spec says about one field (or parameter, or whole body) once $refs, allOf and oneOf are flattened.
 *
 * @param types      "string", "integer(int64)", "string(date-time)", "null" …; empty means any value
 * @param required   whether the enclosing object requires it (true for a body root and array items)
 * @param enumValues the allowed values, or null when the field is not an enum
 * @param truncated  the walker did not look below this field (its $ref is expanded at another path of the same
 *                   body, or the depth limit): what lies below is unknown here, not absent
 */
public record FieldShape(Set<String> types, boolean required, List<String> enumValues, boolean truncated) {
    public FieldShape {
        types = Set.copyOf(types);
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }

    /** "string|null", "integer(int64)", "any". */
    public String typeLabel() {
        return types.isEmpty() ? "any" : String.join("|", types.stream().sorted(FieldShape::nullLast).toList());
    }

    /** Whether every value of {@code type} is also a value of this field (integer fits number, any fits all). */
    public boolean accepts(String type) {
        if (types.isEmpty() || types.contains(type)) {
            return true;
        }
        String base = base(type);
        return types.contains(base) || base.equals("integer") && types.contains("number");
    }

    static String base(String type) {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }

    private static int nullLast(String a, String b) {
        return a.equals("null") != b.equals("null") ? (a.equals("null") ? 1 : -1) : a.compareTo(b);
    }
}
