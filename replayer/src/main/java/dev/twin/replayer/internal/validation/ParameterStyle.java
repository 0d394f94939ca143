package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.replayer.internal.form.FormDecoder;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.FormShape;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one parameter's value is spelled in the request, by its OpenAPI {@code style} and {@code explode}, and how
 * it is read back into a scalar, an array or an object (RFC 6570 as OpenAPI's style table shows it):
 * <ul>
 *   <li>{@code simple} (path, header): {@code 5}, {@code 3,4,5}, {@code role,admin,name,Alex}, exploded
 *       {@code role=admin,name=Alex};</li>
 *   <li>{@code label} (path): {@code .5}, {@code .3,4,5}, exploded {@code .3.4.5} and
 *       {@code .role=admin.name=Alex};</li>
 *   <li>{@code matrix} (path): {@code ;id=5}, {@code ;id=3,4,5}, exploded {@code ;id=3;id=4} and
 *       {@code ;role=admin;name=Alex};</li>
 *   <li>{@code form} (query, cookie), {@code spaceDelimited}, {@code pipeDelimited} (query): not exploded,
 *       one value split at {@code ,}, space or {@code |} ({@code id=role,admin,name,Alex} for an object);</li>
 * </ul>
 * Exploded query forms and {@code deepObject} are read from the query's pairs by {@link ParameterCheck}. Compiled
 * once per parameter; reading walks no schema.
 */
final class ParameterStyle {
    enum Style { FORM, SPACE_DELIMITED, PIPE_DELIMITED, DEEP_OBJECT, SIMPLE, LABEL, MATRIX }

    /** What the value is, by its schema: items and properties are split differently. */
    enum Kind { SCALAR, ARRAY, OBJECT }

    private final Style style;
    private final boolean explode;
    private final Kind kind;
    private final FormShape shape;

    private ParameterStyle(Style style, boolean explode, Kind kind, FormShape shape) {
        this.style = style;
        this.explode = explode;
        this.kind = kind;
        this.shape = shape;
    }

    /** The parameter's declared style, else its location's default ({@code form} for query and cookie). */
    static ParameterStyle of(String location, Parameter parameter, FormShape shape) {
        Style style = style(parameter.getStyle() == null ? null : parameter.getStyle().toString(), location);
        boolean explode = parameter.getExplode() != null ? parameter.getExplode() : style == Style.FORM;
        return new ParameterStyle(style, explode, kind(shape), shape);
    }

    private static Style style(String declared, String location) {
        if (declared != null) {
            switch (declared) {
                case "form": return Style.FORM;
                case "spaceDelimited": return Style.SPACE_DELIMITED;
                case "pipeDelimited": return Style.PIPE_DELIMITED;
                case "deepObject": return Style.DEEP_OBJECT;
                case "simple": return Style.SIMPLE;
                case "label": return Style.LABEL;
                case "matrix": return Style.MATRIX;
                default: break;
            }
        }
        return location.equals(Violation.QUERY) || location.equals(Violation.COOKIE) ? Style.FORM : Style.SIMPLE;
    }

    private static Kind kind(FormShape shape) {
        FormShape resolved = shape.resolved();
        if (resolved instanceof FormShape.ArrayShape) {
            return Kind.ARRAY;
        }
        return resolved instanceof FormShape.ObjectShape ? Kind.OBJECT : Kind.SCALAR;
    }

    Kind kind() {
        return kind;
    }

    /**
     * Whether a query parameter comes as pairs of its own rather than one value to split: exploded forms
     * ({@code ?id=3&id=4}, an object's properties as {@code ?role=admin&name=Alex}) and {@code deepObject}
     * ({@code ?id[role]=admin}).
     */
    boolean readsQueryPairs() {
        return style == Style.DEEP_OBJECT || explode || kind == Kind.SCALAR && style == Style.FORM;
    }

    /** The plain case worth a shortcut: one scalar in the simple or form style. */
    boolean isPlainScalar() {
        return kind == Kind.SCALAR && (style == Style.SIMPLE || style == Style.FORM);
    }

    /**
     * Reads one raw value (a path segment, a header's values joined by commas, a cookie, a query value).
     * A value not spelled in the style is kept as sent and reported in {@code problems}.
     */
    JsonNode read(String raw, String name, String location, List<Violation> problems) {
        String text = raw;
        String separator = ",";
        boolean pairsWithEquals = false;
        switch (style) {
            case LABEL -> {
                if (!text.startsWith(".")) {
                    return misspelled(raw, name, location, "label style (." + name + " as .value)", problems);
                }
                text = text.substring(1);
                if (explode && kind != Kind.SCALAR) {
                    separator = ".";
                    pairsWithEquals = kind == Kind.OBJECT;
                }
            }
            case MATRIX -> {
                if (!text.startsWith(";")) {
                    return misspelled(raw, name, location, "matrix style (;" + name + "=value)", problems);
                }
                text = text.substring(1);
                if (explode && kind != Kind.SCALAR) {
                    separator = ";";
                    pairsWithEquals = kind == Kind.OBJECT;
                    if (kind == Kind.ARRAY) {
                        return FormDecoder.coerceValues(namedValues(text, name), shape);
                    }
                } else {
                    String prefix = name + "=";
                    if (text.equals(name)) {
                        text = "";
                    } else if (text.startsWith(prefix)) {
                        text = text.substring(prefix.length());
                    } else {
                        return misspelled(raw, name, location, "matrix style (;" + name + "=value)", problems);
                    }
                }
            }
            case SPACE_DELIMITED -> separator = " ";
            case PIPE_DELIMITED -> separator = "|";
            case SIMPLE -> pairsWithEquals = explode && kind == Kind.OBJECT;
            default -> {
            }
        }
        return switch (kind) {
            case SCALAR -> FormDecoder.coerceValues(List.of(text), shape);
            case ARRAY -> FormDecoder.coerceValues(split(text, separator, location), shape);
            case OBJECT -> FormDecoder.decode(properties(split(text, separator, location), pairsWithEquals), shape);
        };
    }

    /** Splits one value at a separator; header items lose the spaces around them; nothing sent is no items. */
    private static List<String> split(String text, String separator, String location) {
        List<String> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return parts;
        }
        int from = 0;
        while (true) {
            int at = text.indexOf(separator, from);
            String part = at < 0 ? text.substring(from) : text.substring(from, at);
            parts.add(location.equals(Violation.HEADER) ? part.trim() : part);
            if (at < 0) {
                return parts;
            }
            from = at + separator.length();
        }
    }

    /** An object's properties from {@code k,v,k,v} items, or from {@code k=v} items when exploded. */
    private static List<FormPair> properties(List<String> items, boolean pairsWithEquals) {
        List<FormPair> pairs = new ArrayList<>();
        if (pairsWithEquals) {
            for (String item : items) {
                int equals = item.indexOf('=');
                pairs.add(equals < 0 ? new FormPair(item, "") : new FormPair(item.substring(0, equals),
                        item.substring(equals + 1)));
            }
            return pairs;
        }
        for (int i = 0; i < items.size(); i += 2) {
            pairs.add(new FormPair(items.get(i), i + 1 < items.size() ? items.get(i + 1) : ""));
        }
        return pairs;
    }

    /** The values of {@code ;id=3;id=4}: each {@code name=value} item's value. */
    private static List<String> namedValues(String text, String name) {
        List<String> values = new ArrayList<>();
        for (String item : split(text, ";", Violation.PATH)) {
            int equals = item.indexOf('=');
            if (equals >= 0 && item.substring(0, equals).equals(name)) {
                values.add(item.substring(equals + 1));
            }
        }
        return values;
    }

    private JsonNode misspelled(String raw, String name, String location, String expected,
                                List<Violation> problems) {
        problems.add(new Violation(name, location, "Invalid " + name + ": expected " + expected + ", got '" + raw
                + "'."));
        return TextNode.valueOf(raw);
    }

    @Override
    public String toString() {
        return style.name().toLowerCase(Locale.ROOT) + (explode ? " exploded " : " ") + kind.name()
                .toLowerCase(Locale.ROOT);
    }
}
