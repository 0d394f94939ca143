package dev.twin.replayer.internal.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One clause: a field path ({@code email}, {@code metadata} then a key, {@code payment_method_details.card.last4}),
 * an operator and a value, possibly negated ({@code -currency:'usd'}).
 *
 * @param path     the field's path from the row down; a bracketed key ({@code metadata['order']}) is one segment
 * @param written  the field as the query wrote it, for messages
 */
public record SearchClause(List<String> path, String written, SearchOperator operator, SearchValue value,
                           boolean negated) {
    public SearchClause {
        path = List.copyOf(path);
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    /** Whether the row (as the API shows it) satisfies this clause. */
    public boolean matches(JsonNode row) {
        JsonNode field = row;
        for (String segment : path) {
            field = field == null || !field.isObject() ? null : field.get(segment);
        }
        boolean holds = holds(field);
        return negated != holds;
    }

    private boolean holds(JsonNode field) {
        boolean absent = field == null || field.isNull() || field.isMissingNode();
        if (operator == SearchOperator.EQUALS && value.isNull()) {
            return absent;
        }
        if (absent) {
            return false;
        }
        if (field.isArray()) {
            for (JsonNode element : field) {
                if (holds(element)) {
                    return true; // a list field matches when one of its elements does
                }
            }
            return false;
        }
        if (!field.isValueNode()) {
            return false;
        }
        return switch (operator) {
            case EQUALS -> equalsValue(field);
            case CONTAINS -> field.asText().toLowerCase(Locale.ROOT).contains(value.text().toLowerCase(Locale.ROOT));
            default -> compares(field);
        };
    }

    private boolean equalsValue(JsonNode field) {
        BigDecimal wanted = value.number();
        if (field.isNumber() && wanted != null) {
            return field.decimalValue().compareTo(wanted) == 0;
        }
        return field.asText().equalsIgnoreCase(value.text());
    }

    private boolean compares(JsonNode field) {
        BigDecimal wanted = value.number();
        BigDecimal actual = number(field);
        if (wanted == null || actual == null) {
            return false;
        }
        int order = actual.compareTo(wanted);
        return switch (operator) {
            case GREATER -> order > 0;
            case GREATER_OR_EQUAL -> order >= 0;
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case NUMBER_EQUALS -> order == 0;
            default -> false;
        };
    }

    private static BigDecimal number(JsonNode field) {
        if (field.isNumber()) {
            return field.decimalValue();
        }
        try {
            return new BigDecimal(field.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
