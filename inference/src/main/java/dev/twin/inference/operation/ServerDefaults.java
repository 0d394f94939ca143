package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a write's successful answers held in the fields the client did not send: the server's own defaults
 * ({@code description: null}, {@code metadata: {}}, {@code invoice_settings: {...}}, {@code status: "open"}).
 * One value per field is kept, and whether every answer agreed with it; bounded by the number of fields.
 */
public final class ServerDefaults {
    private static final int MAX_FIELDS = 256;

    private static final List<String> ID_NAMES = List.of("id", "sid", "uuid", "_id", "key");
    /** The shape noted for a value the recorder fingerprinted: a secret the server minted, its form unknown. */
    private static final String SECRET_SHAPE = "|secret|";
    private static final int SECRET_LENGTH = 32;
    private static final Pattern RANDOM_TAIL = Pattern.compile("^(.*?)([A-Za-z0-9]{6,})$");

    private final TreeMap<String, JsonNode> first = new TreeMap<>();
    /** Text fields: the shape of a generated value ("id|_secret_|24"), whether all agreed, values seen (bounded). */
    private final TreeMap<String, String> generatedShape = new TreeMap<>();
    private final TreeMap<String, Boolean> shapeAgrees = new TreeMap<>();
    private final TreeMap<String, Set<String>> generatedValues = new TreeMap<>();
    private final TreeMap<String, StringBuilder> randomChars = new TreeMap<>();
    private final TreeMap<String, Long> agreeing = new TreeMap<>();
    private final TreeMap<String, Long> seen = new TreeMap<>();

    /**
     * @param sent       the top-level fields the request sent
     * @param sentValues the text of every top-level value it sent: an answer repeating one (Twilio's {@code to}
     *                   for {@code To}) is an echo, not a generated value
     */
    void accept(JsonNode answer, Set<String> sent, Set<String> sentValues) {
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (sent.contains(name) || (!first.containsKey(name) && first.size() >= MAX_FIELDS)) {
                continue;
            }
            seen.merge(name, 1L, Long::sum);
            JsonNode value = field.getValue();
            JsonNode earlier = first.putIfAbsent(name, value);
            // an object repeating what the client sent (RabbitMQ's metadata: {description}) is no constant default
            if ((earlier == null || earlier.equals(value)) && !(value.isContainerNode() && holdsSent(value, sentValues))) {
                agreeing.merge(name, 1L, Long::sum);
            }
            noteGenerated(name, value, answer);
            if (value.isValueNode() && sentValues.contains(value.asText())) {
                shapeAgrees.put(name, false);
            }
        }
    }

    /** Whether a nested text value is one the client sent (two characters at least: not a coincidence of "a"). */
    private static boolean holdsSent(JsonNode value, Set<String> sentValues) {
        if (value.isTextual()) {
            return value.textValue().length() >= 2 && sentValues.contains(value.textValue());
        }
        for (JsonNode child : value) {
            if (holdsSent(child, sentValues)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text value's shape as a generator would make it: the row's id it starts with (if any), the literal text
     * after it, and the length of the random alphanumeric run that ends it ({@code pi_1_secret_} + 24).
     */
    private void noteGenerated(String name, JsonNode value, JsonNode answer) {
        String shape = null;
        if (value.isTextual() && value.textValue().startsWith("redacted:")) {
            // a secret the recorder replaced by its fingerprint shows nothing of how the server made it, only that
            // it made one: the twin mints one of a generic shape
            shape = SECRET_SHAPE;
        } else if (value.isTextual()) {
            String text = value.textValue();
            String idField = null;
            for (String candidate : ID_NAMES) {
                JsonNode id = answer.get(candidate);
                if (!candidate.equals(name) && id != null && id.isValueNode() && !id.isNull()
                        && text.length() > id.asText().length() && text.startsWith(id.asText())) {
                    idField = candidate;
                    text = text.substring(id.asText().length());
                    break;
                }
            }
            Matcher m = RANDOM_TAIL.matcher(text);
            if (m.matches() && !m.group(1).contains("{{")) {
                shape = (idField == null ? "" : idField) + "|" + m.group(1) + "|" + m.group(2).length();
                randomChars.computeIfAbsent(name, n -> new StringBuilder());
                if (randomChars.get(name).length() < 512) {
                    randomChars.get(name).append(m.group(2));
                }
            }
        }
        String earlier = generatedShape.putIfAbsent(name, shape == null ? "" : shape);
        if (shape == null || (earlier != null && !earlier.equals(shape))) {
            shapeAgrees.put(name, false);
        } else {
            shapeAgrees.putIfAbsent(name, true);
        }
        Set<String> values = generatedValues.computeIfAbsent(name, n -> new HashSet<>());
        if (values.size() < 64 && !values.add(value.asText())) {
            shapeAgrees.put(name, false);
        }
    }

    /**
     * Fields the server generated per row, as templates: every answer that did not send the field held a different
     * value of one shape, e.g. {@code client_secret: "{{item.id}}_secret_{{random 24}}"}, a code
     * {@code "{{random 7 \"upper\"}}"}. A value that starts with the row's id needs one sample; others two. A secret
     * the recorder fingerprinted (a new one in every answer) becomes {@value #SECRET_LENGTH} random characters: the
     * recording keeps nothing of its form.
     */
    public Map<String, String> generated() {
        Map<String, String> out = new TreeMap<>();
        generatedShape.forEach((name, shape) -> {
            if (shape.isEmpty() || !shapeAgrees.getOrDefault(name, false)) {
                return;
            }
            if (shape.equals(SECRET_SHAPE)) {
                out.put(name, "{{random " + SECRET_LENGTH + "}}");
                return;
            }
            String[] parts = shape.split("\\|", -1);
            boolean embedsId = !parts[0].isEmpty();
            if (!embedsId && seen.getOrDefault(name, 0L) < 2) {
                return;
            }
            String alphabet = alphabet(randomChars.get(name).toString());
            out.put(name, (embedsId ? "{{item." + parts[0] + "}}" : "") + parts[1] + "{{random " + parts[2]
                    + (alphabet.equals("base62") ? "" : " \"" + alphabet + "\"") + "}}");
        });
        return out;
    }

    private static String alphabet(String chars) {
        boolean digit = chars.chars().anyMatch(Character::isDigit);
        boolean lower = chars.chars().anyMatch(Character::isLowerCase);
        boolean upper = chars.chars().anyMatch(Character::isUpperCase);
        if (chars.length() < 16 || (lower && upper)) {
            return "base62";
        }
        if (digit && !lower && !upper) {
            return "digits";
        }
        if (!digit && lower && !upper) {
            return "lower";
        }
        if (!digit && upper && !lower) {
            return "upper";
        }
        boolean hex = chars.chars().allMatch(c -> Character.isDigit(c) || (c >= 'a' && c <= 'f'));
        return hex ? "lowerhex" : "base62";
    }

    /** Fields whose value was the same in every answer that did not send them, with that value. */
    public Map<String, JsonNode> constants() {
        Map<String, JsonNode> out = new TreeMap<>();
        first.forEach((name, value) -> {
            if (agreeing.getOrDefault(name, 0L).equals(seen.get(name))) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** How many answers showed the field while the client did not send it. */
    public long samples(String field) {
        return seen.getOrDefault(field, 0L);
    }
}
