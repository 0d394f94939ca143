package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A YAML mapping being bound to a record: typed reads of its keys that record a located problem and return
 * null (or the default) instead of throwing, so one load reports every mistake. A key written with no value
 * ({@code key:} or {@code key: ~}) counts as absent.
 */
final class YamlMapping {
    /** Longer values are cut in messages: the line number finds them, a 5,000-character echo helps nobody. */
    private static final int MAX_SHOWN = 80;

    private final ObjectNode node;
    private final String pointer;
    private final LoadContext context;

    private YamlMapping(ObjectNode node, String pointer, LoadContext context) {
        this.node = node;
        this.pointer = pointer;
        this.context = context;
    }

    /** The mapping at {@code pointer}, or null (with a problem) if {@code value} is not a mapping. */
    static YamlMapping of(JsonNode value, String pointer, LoadContext context) {
        if (value instanceof ObjectNode) {
            return new YamlMapping((ObjectNode) value, pointer, context);
        }
        context.problem(pointer, "expected a mapping, got " + describe(value, context.sourceMap().scalarText(pointer)));
        return null;
    }

    String pointer() {
        return pointer;
    }

    String pointer(String key) {
        return ConfigProblems.child(pointer, key);
    }

    SourceLocation location() {
        return context.sourceMap().locate(pointer);
    }

    SourceLocation location(String key) {
        return context.sourceMap().locate(pointer(key));
    }

    LoadContext context() {
        return context;
    }

    /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
    void allowOnly(String... allowed) {
        List<String> keys = Arrays.asList(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.contains(name)) {
                context.problemAtKey(pointer(name), unknownKey(name, keys));
            }
        }
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** The value as written (a deep copy), or null when absent. */
    JsonNode raw(String key) {
        return has(key) ? node.get(key).deepCopy() : null;
    }

    void problem(String key, String message) {
        context.problem(pointer(key), message);
    }

    void problem(String message) {
        context.problem(pointer, message);
    }

    /** Reports a missing required key at this mapping. */
    boolean require(String key) {
        if (has(key)) {
            return true;
        }
        context.problem(new ConfigProblem(location(), ConfigProblems.prefixed(pointer(key), "required key is missing")));
        return false;
    }

    /** Any scalar, as written ({@code off} stays "off"); null when absent or not a scalar. */
    String string(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isValueNode()) {
            problem(key, "expected a string, got " + describe(value, null));
            return null;
        }
        return text(pointer(key), value);
    }

    String string(String key, String defaultValue) {
        String value = string(key);
        return value == null ? defaultValue : value;
    }

    /**
     * A name the twin looks values up by (a field, a parameter, a header): it must be written as a string, since
     * {@code idField: 12345} or {@code dataField: true} is far likelier a slip than a field really named so (quoted,
     * {@code "12345"} is accepted). Null when absent or not a string (reported).
     */
    String name(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode value = node.get(key);
        String problem = nameProblem(pointer(key), value);
        if (problem != null) {
            problem(key, problem);
            return null;
        }
        return value.textValue();
    }

    String name(String key, String defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String value = name(key);
        return value == null ? defaultValue : value;
    }

    /** Like {@link #stringMap(String)}, with names as values (see {@link #name(String)}). */
    Map<String, String> nameMap(String key) {
        return map(key, Function.identity(), this::nameValue);
    }

    /** Like {@link #stringMap(String, Set)}, with names as values (see {@link #name(String)}). */
    Map<String, String> nameMap(String key, Set<String> allowedKeys) {
        return map(key, k -> allowedKey(key, k, allowedKeys), this::nameValue);
    }

    /** A list of names (see {@link #name(String)}); absent → null. */
    List<String> names(String key) {
        if (!has(key)) {
            return null;
        }
        List<String> result = new ArrayList<>();
        List<JsonNode> entries = list(key);
        for (int i = 0; i < entries.size(); i++) {
            String entry = nameValue(ConfigProblems.child(pointer(key), i), entries.get(i));
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    private String nameValue(String valuePointer, JsonNode value) {
        String problem = nameProblem(valuePointer, value);
        if (problem != null) {
            context.problem(valuePointer, problem);
            return null;
        }
        return value.textValue();
    }

    private String nameProblem(String valuePointer, JsonNode value) {
        if (value.isTextual()) {
            return null;
        }
        String written = value.isValueNode() ? text(valuePointer, value) : null;
        String kind = value.isNumber() ? " (a number)" : value.isBoolean() ? " (a boolean)" : "";
        return "expected a name, got " + describe(value, written) + kind
                + (written != null && !value.isNull() ? "; quote it (\"" + written + "\") if that is the name" : "");
    }

    String requiredString(String key) {
        return require(key) ? string(key) : null;
    }

    Integer integer(String key, Integer defaultValue, int min, int max) {
        // no int bound is Long.MIN_VALUE, so it can only come back as "a problem was reported"
        long number = longValue(key, Long.MIN_VALUE, min, max);
        return number == Long.MIN_VALUE ? defaultValue : Integer.valueOf((int) number);
    }

    long longValue(String key, long defaultValue, long min, long max) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonNode value = node.get(key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(key, "expected an integer, got " + describe(value, text(pointer(key), value)));
            return defaultValue;
        }
        long number = value.longValue();
        if (number < min || number > max) {
            problem(key, "must be between " + min + " and " + max + ", got " + number);
            return defaultValue;
        }
        return number;
    }

    Boolean bool(String key, Boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            problem(key, "expected true or false, got " + describe(value, text(pointer(key), value)));
            return defaultValue;
        }
        return value.booleanValue();
    }

    /** Enum constants are written lower-case with dashes: {@code PER_CREDENTIAL} is {@code per-credential}. */
    <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        String text = string(key);
        if (text == null) {
            return defaultValue;
        }
        E value = parseEnum(text, type);
        if (value == null) {
            problem(key, unknownValue(text, yamlNames(type)));
            return defaultValue;
        }
        return value;
    }

    static <E extends Enum<E>> E parseEnum(String text, Class<E> type) {
        String normalized = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        return null;
    }

    /** How constants are written: lower-case with dashes, except error kinds, written as in the code. */
    static <E extends Enum<E>> List<String> yamlNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> type == ErrorKind.class ? c.name() : c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toList());
    }

    static String unknownValue(String text, List<String> allowed) {
        return ConfigProblems.withSuggestion("unknown value '" + text + "', expected " + String.join(" | ", allowed),
                text, allowed);
    }

    /** A size: a positive integer of bytes, or with a unit ({@code 512kb}, {@code 32mb}, {@code 1gb}). */
    long byteSize(String key, long defaultValue) {
        String text = string(key);
        if (text == null) {
            return defaultValue;
        }
        return ByteSizes.parse(text).orElseGet(() -> {
            problem(key, "invalid size '" + text + "', expected a positive number of bytes, or with a unit: 65536, "
                    + "512kb, 32mb, 1gb");
            return defaultValue;
        });
    }

    Duration duration(String key, Duration defaultValue) {
        String text = string(key);
        if (text == null) {
            return defaultValue;
        }
        return Durations.parse(text).orElseGet(() -> {
            problem(key, "invalid duration '" + text + "', expected a positive number and a unit: 90s, 30m, 24h, 7d");
            return defaultValue;
        });
    }

    Pattern regex(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
            problem(key, "invalid regular expression: " + e.getDescription() + where);
            return null;
        }
    }

    YamlMapping mapping(String key) {
        return has(key) ? of(node.get(key), pointer(key), context) : null;
    }

    /** A list of mappings; entries that are not mappings are reported and skipped. Absent → empty. */
    List<YamlMapping> mappings(String key) {
        List<YamlMapping> result = new ArrayList<>();
        List<JsonNode> entries = list(key);
        for (int i = 0; i < entries.size(); i++) {
            YamlMapping entry = of(entries.get(i), ConfigProblems.child(pointer(key), i), context);
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    /** The entries of a list. Absent → empty; not a list → reported, empty. */
    List<JsonNode> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            problem(key, "expected a list, got " + describe(value, text(pointer(key), value)));
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        value.forEach(entries::add);
        return entries;
    }

    List<String> strings(String key) {
        if (!has(key)) {
            return null;
        }
        List<String> result = new ArrayList<>();
        List<JsonNode> entries = list(key);
        for (int i = 0; i < entries.size(); i++) {
            String entryPointer = ConfigProblems.child(pointer(key), i);
            JsonNode entry = entries.get(i);
            if (entry.isValueNode() && !entry.isNull()) {
                result.add(text(entryPointer, entry));
            } else {
                context.problem(entryPointer, "expected a string, got " + describe(entry, null));
            }
        }
        return result;
    }

    /** A mapping of scalars; a key with no value maps to null (a merge removes it). Absent → null. */
    <K, V> Map<K, V> map(String key, Function<String, K> keyParser, ValueParser<V> valueParser) {
        return map(key, keyParser, valueParser, false);
    }

    /** Like {@link #map(String, Function, ValueParser)}, with objects and lists as values (JSON templates). */
    <K> Map<K, JsonNode> jsonMap(String key, Function<String, K> keyParser) {
        return map(key, keyParser, (pointer, value) -> value.deepCopy(), true);
    }

    private <K, V> Map<K, V> map(String key, Function<String, K> keyParser, ValueParser<V> valueParser,
                                 boolean structuredValues) {
        YamlMapping mapping = mapping(key);
        if (mapping == null) {
            return null;
        }
        Map<K, V> result = new LinkedHashMap<>();
        mapping.node.fields().forEachRemaining(field -> {
            String entryPointer = mapping.pointer(field.getKey());
            K parsedKey = keyParser.apply(field.getKey());
            if (parsedKey == null) {
                return;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.put(parsedKey, null);
            } else if (!value.isValueNode() && !structuredValues) {
                context.problem(entryPointer, "expected a single value, got " + describe(value, null));
            } else {
                V parsed = valueParser.parse(entryPointer, value);
                if (parsed != null) {
                    result.put(parsedKey, parsed);
                }
            }
        });
        return result;
    }

    /** A map of string to string. */
    Map<String, String> stringMap(String key) {
        return map(key, Function.identity(), (p, v) -> text(p, v));
    }

    /** A map whose keys must be among {@code allowedKeys} (reported with a suggestion otherwise). */
    Map<String, String> stringMap(String key, Set<String> allowedKeys) {
        return map(key, k -> allowedKey(key, k, allowedKeys), (p, v) -> text(p, v));
    }

    String allowedKey(String mapKey, String key, Set<String> allowed) {
        if (allowed.contains(key)) {
            return key;
        }
        List<String> sorted = allowed.stream().sorted().collect(Collectors.toList());
        context.problemAtKey(ConfigProblems.child(pointer(mapKey), key), unknownKey(key, sorted));
        return null;
    }

    private static String unknownKey(String key, List<String> allowed) {
        return ConfigProblems.didYouMean(key, allowed)
                .map(s -> "unknown key (did you mean '" + s + "'?)")
                .orElse("unknown key; allowed here: " + String.join(", ", allowed));
    }

    /** A list of {@link ErrorKind} names ({@code [NOT_FOUND]}); absent → null. */
    List<ErrorKind> errorKinds(String key) {
        if (!has(key)) {
            return null;
        }
        List<ErrorKind> result = new ArrayList<>();
        List<JsonNode> entries = list(key);
        List<String> names = Arrays.stream(ErrorKind.values()).map(Enum::name).collect(Collectors.toList());
        for (int i = 0; i < entries.size(); i++) {
            String entryPointer = ConfigProblems.child(pointer(key), i);
            JsonNode entry = entries.get(i);
            ErrorKind kind = entry.isTextual() ? parseEnum(entry.textValue(), ErrorKind.class) : null;
            if (kind == null) {
                context.problem(entryPointer, ConfigProblems.withSuggestion("unknown error kind, expected "
                        + String.join(" | ", names), entry.asText(), names));
            } else if (!result.contains(kind)) {
                result.add(kind);
            }
        }
        return result;
    }

    /** A key naming an {@link ErrorKind}: {@code NOT_FOUND} (or {@code not-found}). */
    ErrorKind errorKindKey(String mapKey, String key) {
        ErrorKind kind = parseEnum(key, ErrorKind.class);
        if (kind == null) {
            List<String> names = Arrays.stream(ErrorKind.values()).map(Enum::name).collect(Collectors.toList());
            context.problemAtKey(ConfigProblems.child(pointer(mapKey), key), ConfigProblems.withSuggestion(
                    "unknown error kind, expected " + String.join(" | ", names), key, names));
        }
        return kind;
    }

    /** A free-form mapping (seed rows, templates), deep-copied. */
    ObjectNode objectNode(String key) {
        YamlMapping mapping = mapping(key);
        return mapping == null ? null : mapping.node.deepCopy();
    }

    ObjectNode node() {
        return node;
    }

    /** A scalar's text as written (so {@code off}, {@code 007} and {@code 1.50} keep their spelling). */
    String text(String valuePointer, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        String written = context.sourceMap().scalarText(valuePointer);
        return written != null ? written : value.asText();
    }

    static String describe(JsonNode value, String written) {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        String text = written != null ? written : value.asText();
        return "'" + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text) + "'";
    }

    /** Parses one scalar of a map; reports and returns null when it does not fit. */
    interface ValueParser<V> {
        V parse(String valuePointer, JsonNode value);
    }
}
