package dev.twin.replayer.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns form pairs with bracket names into a JSON tree whose values are typed by a {@link FormShape}:
 * {@code metadata[order]=42&expand[]=customer&items[0][price]=p} becomes
 * {@code {"metadata":{"order":...},"expand":["customer"],"items":[{"price":"p"}]}}.
 *
 * <p>Decoding never fails: a value that does not fit its shape (an integer field sent {@code abc}) stays a
 * string so that validation can name it and say why.
 */
public final class FormDecoder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FormDecoder() {
    }

    /** Decodes a whole form body against the shape of the body (normally an object shape). */
    public static ObjectNode decodeBody(String body, FormShape shape) {
        return decode(UrlEncoded.parse(body), shape);
    }

    /** Decodes pairs into one object whose top-level fields are the root names. */
    public static ObjectNode decode(List<FormPair> pairs, FormShape shape) {
        FormTree.Branch root = FormTree.newBranch();
        for (FormPair pair : pairs) {
            FormTree.put(root, BracketName.segments(pair.name()), 0, pair.value());
        }
        FormShape resolved = shape.resolved();
        FormShape.ObjectShape object = resolved instanceof FormShape.ObjectShape o ? o : null;
        if (object == null && resolved instanceof FormShape.Choice choice) {
            object = firstObject(choice);
        }
        ObjectNode result = JSON.objectNode();
        for (Map.Entry<String, FormTree.Node> field : root.children().entrySet()) {
            FormShape fieldShape = object == null ? FormShape.ANY : object.property(field.getKey());
            result.set(field.getKey(), coerce(field.getValue(), fieldShape));
        }
        return result;
    }

    /**
     * Decodes the value of one parameter named {@code name} from the pairs carrying it (plain {@code name} or
     * bracketed {@code name[...]}), or returns null when none does.
     */
    public static JsonNode decodeParameter(String name, List<FormPair> pairs, FormShape shape) {
        FormTree.Branch root = FormTree.newBranch();
        for (FormPair pair : pairs) {
            if (!pair.name().startsWith(name)) {
                continue;
            }
            List<String> segments = BracketName.segments(pair.name());
            if (segments.get(0).equals(name)) {
                FormTree.put(root, segments, 0, pair.value());
            }
        }
        FormTree.Node node = root.children().get(name);
        return node == null ? null : coerce(node, shape);
    }

    /** Coerces plain values (a path segment, a header, split list items) to a shape. */
    public static JsonNode coerceValues(List<String> values, FormShape shape) {
        return coerce(new FormTree.Values(new ArrayList<>(values)), shape);
    }

    private static JsonNode coerce(FormTree.Node node, FormShape shape) {
        FormShape resolved = shape.resolved();
        boolean singleValue = node instanceof FormTree.Values values && values.values().size() == 1;
        if (resolved instanceof FormShape.Choice choice && !singleValue) {
            return coerce(node, choose(node, choice));
        }
        if (node instanceof FormTree.Values values) {
            return valuesToJson(values.values(), resolved);
        }
        if (node instanceof FormTree.Sequence sequence) {
            FormShape items = resolved instanceof FormShape.ArrayShape array ? array.items() : FormShape.ANY;
            ArrayNode result = JSON.arrayNode();
            sequence.elements().forEach(element -> result.add(coerce(element, items)));
            return result;
        }
        FormTree.Branch branch = (FormTree.Branch) node;
        if (resolved instanceof FormShape.ArrayShape array && hasOnlyIndexKeys(branch)) {
            return indexedArray(branch, array.items());
        }
        ObjectNode result = JSON.objectNode();
        for (Map.Entry<String, FormTree.Node> child : branch.children().entrySet()) {
            FormShape childShape = resolved instanceof FormShape.ObjectShape object
                    ? object.property(child.getKey()) : FormShape.ANY;
            result.set(child.getKey(), coerce(child.getValue(), childShape));
        }
        return result;
    }

    private static JsonNode valuesToJson(List<String> values, FormShape declared) {
        FormShape shape = declared instanceof FormShape.Choice choice && values.size() == 1
                ? chooseForValue(values.get(0), choice).resolved() : declared;
        if (shape instanceof FormShape.ArrayShape array) {
            ArrayNode result = JSON.arrayNode();
            values.forEach(value -> result.add(scalar(value, array.items().resolved())));
            return result;
        }
        if (values.size() == 1) {
            return scalar(values.get(0), shape);
        }
        // a name repeated for a single value: keep every value so validation reports an array where none belongs
        ArrayNode result = JSON.arrayNode();
        values.forEach(value -> result.add(scalar(value, shape)));
        return result;
    }

    private static JsonNode scalar(String value, FormShape shape) {
        if (shape instanceof FormShape.Choice choice) {
            return scalar(value, chooseForValue(value, choice));
        }
        if (!(shape instanceof FormShape.Scalar scalar)) {
            return JSON.textNode(value);
        }
        JsonNode typed = switch (scalar.type()) {
            case INTEGER -> parseInteger(value);
            case NUMBER -> parseNumber(value);
            case BOOLEAN -> parseBoolean(value);
            case STRING -> null;
        };
        return typed == null ? JSON.textNode(value) : typed;
    }

    /** The choice a tree node fits: nested fields go to an object (or indexed array), appended ones to an array. */
    private static FormShape choose(FormTree.Node node, FormShape.Choice choice) {
        if (node instanceof FormTree.Values) {
            FormShape array = first(choice, FormShape.ArrayShape.class);
            return array == null ? FormShape.ANY : array;
        }
        if (node instanceof FormTree.Sequence) {
            FormShape array = first(choice, FormShape.ArrayShape.class);
            return array == null ? FormShape.ANY : array;
        }
        FormShape.ObjectShape object = firstObject(choice);
        if (object != null) {
            return object;
        }
        FormShape array = first(choice, FormShape.ArrayShape.class);
        return array == null ? FormShape.ANY : array;
    }

    /**
     * The choice a single value fits: a typed scalar it parses as (integer, number, boolean), else a string that
     * allows it, else an array of one. So {@code anyOf: [integer, string]} keeps {@code 5} a number, Stripe's
     * {@code anyOf: [object, ""]} keeps "", and {@code anyOf: [array, ""]} turns {@code 7} into {@code [7]}.
     */
    private static FormShape chooseForValue(String value, FormShape.Choice choice) {
        boolean stringAllowed = false;
        FormShape array = null;
        for (FormShape option : choice.choices()) {
            FormShape resolved = option.resolved();
            if (resolved instanceof FormShape.Scalar scalar) {
                if (scalar.type() == FormShape.ScalarType.STRING) {
                    stringAllowed |= scalar.allows(value);
                } else if (!scalar(value, scalar).isTextual()) {
                    return scalar;
                }
            } else if (resolved instanceof FormShape.Any) {
                stringAllowed = true;
            } else if (resolved instanceof FormShape.ArrayShape && array == null) {
                array = resolved;
            } else if (resolved instanceof FormShape.Choice nested) {
                FormShape inner = chooseForValue(value, nested);
                if (!(inner instanceof FormShape.Any)) {
                    return inner;
                }
            }
        }
        if (stringAllowed || array == null) {
            return FormShape.ANY;
        }
        return value.isEmpty() ? FormShape.ANY : array;
    }

    private static FormShape.ObjectShape firstObject(FormShape.Choice choice) {
        FormShape object = first(choice, FormShape.ObjectShape.class);
        return object == null ? null : (FormShape.ObjectShape) object;
    }

    private static FormShape first(FormShape.Choice choice, Class<? extends FormShape> kind) {
        for (FormShape option : choice.choices()) {
            FormShape resolved = option.resolved();
            if (kind.isInstance(resolved)) {
                return resolved;
            }
            if (resolved instanceof FormShape.Choice nested) {
                FormShape inner = first(nested, kind);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean hasOnlyIndexKeys(FormTree.Branch branch) {
        for (String key : branch.children().keySet()) {
            if (key.isEmpty() || key.length() > 9) {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code items[0]..., items[2]...}: elements in index order, gaps closed. */
    private static ArrayNode indexedArray(FormTree.Branch branch, FormShape items) {
        TreeMap<Integer, FormTree.Node> byIndex = new TreeMap<>();
        branch.children().forEach((key, child) -> byIndex.put(Integer.parseInt(key), child));
        ArrayNode result = JSON.arrayNode();
        byIndex.values().forEach(child -> result.add(coerce(child, items)));
        return result;
    }

    private static JsonNode parseInteger(String value) {
        if (!looksNumeric(value, false)) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            // the same node types a JSON parser produces, so form and JSON bodies compare equal
            return number == (int) number ? JSON.numberNode((int) number) : JSON.numberNode(number);
        } catch (NumberFormatException tooLong) {
            return JSON.numberNode(new BigInteger(value));
        }
    }

    private static JsonNode parseNumber(String value) {
        if (!looksNumeric(value, true)) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            return JSON.numberNode(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parseBoolean(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return JSON.booleanNode(true);
        }
        if ("false".equalsIgnoreCase(value)) {
            return JSON.booleanNode(false);
        }
        return null;
    }

    /** Digits with an optional leading minus; with {@code decimal} also a fraction and exponent. */
    private static boolean looksNumeric(String value, boolean decimal) {
        int start = value.startsWith("-") ? 1 : 0;
        if (value.length() == start) {
            return false;
        }
        if (!decimal) {
            for (int i = start; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
        boolean digit = false;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
                return false;
            }
        }
        return digit;
    }
}
