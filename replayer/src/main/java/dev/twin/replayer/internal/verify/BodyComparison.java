package dev.twin.replayer.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.redact.Fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares a recorded body with the twin's. JSON bodies leaf by leaf, each leaf (and each missing or extra
 * field) one facet; any other body is one facet, equal or not. Values the twin mints count as equal when they have
 * the recorded value's shape, and are learned into the {@link IdMap}.
 */
final class BodyComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int SHOWN_CHARS = 80;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    /** A numeric id as a path's last segment, zero-padded as etcd's in-order keys are. */
    private static final Pattern PATH_ID_DIGITS = Pattern.compile("[0-9]{1,40}");
    private static final Pattern ID_KEY = Pattern.compile("[iI][dD]s?|.*_[iI][dD]s?|.*[a-z0-9]I[dD]s?");

    private final IdMap ids;

    BodyComparison(IdMap ids) {
        this.ids = ids;
    }

    void compare(byte[] recorded, byte[] twin, Facets facets) {
        Optional<JsonNode> recordedJson = parse(recorded);
        if (recordedJson.isPresent()) {
            Optional<JsonNode> twinJson = parse(twin);
            if (twinJson.isEmpty()) {
                facets.diverged(new Divergence(Divergence.Kind.BODY_CHANGED, "body", "JSON",
                        twin.length == 0 ? "an empty body" : "a body that is not JSON"));
                return;
            }
            compare("$", recordedJson.get(), twinJson.get(), facets);
            return;
        }
        String recordedText = new String(recorded, StandardCharsets.UTF_8);
        String twinText = new String(twin, StandardCharsets.UTF_8);
        if (ids.rewrite(recordedText).equals(twinText)) {
            facets.equal();
        } else {
            facets.diverged(new Divergence(Divergence.Kind.BODY_CHANGED, "body", describeBytes(recorded),
                    describeBytes(twin)));
        }
    }

    /** Compares two JSON trees at {@code path}, adding one facet per leaf, missing or extra field. */
    void compare(String path, JsonNode recorded, JsonNode twin, Facets facets) {
        if (recorded.isObject() && twin.isObject()) {
            compareObjects(path, recorded, twin, facets);
        } else if (recorded.isArray() && twin.isArray()) {
            compareArrays(path, recorded, twin, facets);
        } else if (!typeName(recorded).equals(typeName(twin))) {
            facets.diverged(new Divergence(Divergence.Kind.TYPE_CHANGED, path, typed(recorded), typed(twin)));
        } else {
            compareLeaves(path, recorded, twin, facets);
        }
    }

    private void compareObjects(String path, JsonNode recorded, JsonNode twin, Facets facets) {
        if (recorded.isEmpty() && twin.isEmpty()) {
            facets.equal();
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = child(path, field.getKey());
            JsonNode twinValue = twin.get(field.getKey());
            if (twinValue == null) {
                facets.diverged(new Divergence(Divergence.Kind.MISSING_FIELD, child, shown(field.getValue()), null));
            } else {
                compare(child, field.getValue(), twinValue, facets);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = twin.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!recorded.has(field.getKey())) {
                facets.diverged(new Divergence(Divergence.Kind.EXTRA_FIELD, child(path, field.getKey()), null,
                        shown(field.getValue())));
            }
        }
    }

    private void compareArrays(String path, JsonNode recorded, JsonNode twin, Facets facets) {
        if (recorded.isEmpty() && twin.isEmpty()) {
            facets.equal();
            return;
        }
        int common = Math.min(recorded.size(), twin.size());
        for (int i = 0; i < common; i++) {
            compare(path + "[" + i + "]", recorded.get(i), twin.get(i), facets);
        }
        for (int i = common; i < recorded.size(); i++) {
            facets.diverged(new Divergence(Divergence.Kind.MISSING_FIELD, path + "[" + i + "]",
                    shown(recorded.get(i)), null));
        }
        for (int i = common; i < twin.size(); i++) {
            facets.diverged(new Divergence(Divergence.Kind.EXTRA_FIELD, path + "[" + i + "]", null,
                    shown(twin.get(i))));
        }
    }

    private void compareLeaves(String path, JsonNode recorded, JsonNode twin, Facets facets) {
        if (recorded.equals(twin) || ValueShape.sameTimestampKind(recorded, twin)) {
            facets.equal();
            return;
        }
        if (recorded.isNumber() && twin.isNumber() && recorded.decimalValue().compareTo(twin.decimalValue()) == 0) {
            facets.equal();
            return;
        }
        if (isNumericId(path, recorded, twin)) {
            String recordedNumber = recorded.asText();
            if (ids.learnNumber(recordedNumber, twin.asText())) {
                facets.equal();
            } else {
                String known = ids.twinNumber(recordedNumber);
                facets.diverged(new Divergence(Divergence.Kind.VALUE_CHANGED, path,
                        shown(recorded) + (known == null ? "" : " (" + known + " in the twin)"), shown(twin)));
            }
            return;
        }
        if (!recorded.isTextual()) {
            facets.diverged(valueChanged(path, recorded, twin));
            return;
        }
        String recordedText = recorded.asText();
        String twinText = twin.asText();
        if (Fingerprint.isRedacted(recordedText) && twin.isTextual() && !twinText.isEmpty()) {
            // the recording holds only the secret's fingerprint: that the twin answers one is all it can check
            facets.equal();
            return;
        }
        if (ids.rewrite(recordedText).equals(twinText)) {
            facets.equal();
            return;
        }
        if (learnedPathId(recordedText, twinText)) {
            facets.equal();
            return;
        }
        Optional<String> recordedShape = ValueShape.idShape(recordedText);
        Optional<String> twinShape = ValueShape.idShape(twinText);
        if (recordedShape.isPresent() != twinShape.isPresent()) {
            // one side drew a random id that reads like words (prod_OjwpxNqmrsZtaa): an id all the same when the
            // other side's is a random id of exactly that shape
            Optional<String> random = recordedShape.isPresent() ? recordedShape : twinShape;
            Optional<String> other = ValueShape.shapeIfRandom(recordedShape.isPresent() ? twinText : recordedText);
            if (other.equals(random)) {
                recordedShape = random;
                twinShape = random;
            }
        }
        if (recordedShape.isPresent() && twinShape.isPresent()) {
            if (!recordedShape.get().equals(twinShape.get())) {
                facets.diverged(new Divergence(Divergence.Kind.ID_SHAPE_CHANGED, path, shown(recorded), shown(twin)));
            } else if (ids.learn(recordedText, twinText)) {
                facets.equal();
            } else {
                String known = ids.twinValue(recordedText);
                facets.diverged(new Divergence(Divergence.Kind.VALUE_CHANGED, path,
                        shown(recorded) + (known == null ? "" : " (" + known + " in the twin)"), shown(twin)));
            }
            return;
        }
        facets.diverged(valueChanged(path, recorded, twin));
    }

    /**
     * A path naming a row by its id in the last segment ({@code "key": "/app/jobs/00000000000000000007"}), the twin's
     * the same path up to that segment and an id of the same kind there (all digits, or one id shape): the id is the
     * twin's minted one, learned as any other (digits as a numeric id, rewritten only as a whole path segment).
     */
    private boolean learnedPathId(String recordedText, String twinText) {
        int slash = recordedText.lastIndexOf('/');
        if (slash < 0 || twinText.lastIndexOf('/') != slash || !twinText.startsWith(recordedText.substring(0,
                slash + 1))) {
            return false;
        }
        String recordedId = recordedText.substring(slash + 1);
        String twinId = twinText.substring(slash + 1);
        if (PATH_ID_DIGITS.matcher(recordedId).matches() && PATH_ID_DIGITS.matcher(twinId).matches()) {
            return ids.learnNumber(recordedId, twinId);
        }
        Optional<String> shape = ValueShape.idShape(recordedId);
        return shape.isPresent() && shape.equals(ValueShape.idShape(twinId)) && ids.learn(recordedId, twinId);
    }

    /**
     * Both integers (or both digit strings) under a key named like an id: {@code id}, {@code pet_id},
     * {@code petId}, {@code ids[0]}.
     */
    private static boolean isNumericId(String path, JsonNode recorded, JsonNode twin) {
        boolean numbers = recorded.isIntegralNumber() && twin.isIntegralNumber();
        boolean digits = recorded.isTextual() && twin.isTextual() && DIGITS.matcher(recorded.asText()).matches()
                && DIGITS.matcher(twin.asText()).matches();
        return (numbers || digits) && ID_KEY.matcher(lastKey(path)).matches();
    }

    /** The object key a path ends in, array indexes dropped: {@code $.data[0].pet_ids[2]} gives {@code pet_ids}. */
    private static String lastKey(String path) {
        String withoutIndexes = path.replaceAll("(\\[\\d+])+$", "");
        int bracket = withoutIndexes.lastIndexOf("['");
        int dot = withoutIndexes.lastIndexOf('.');
        if (bracket > dot) {
            return withoutIndexes.substring(bracket + 2, withoutIndexes.length() - 2);
        }
        return withoutIndexes.substring(dot + 1);
    }

    private static Divergence valueChanged(String path, JsonNode recorded, JsonNode twin) {
        return new Divergence(Divergence.Kind.VALUE_CHANGED, path, shown(recorded), shown(twin));
    }

    private static Optional<JsonNode> parse(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length || (body[first] != '{' && body[first] != '[' && body[first] != '"')) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }

    /** {@code string "abc"}, {@code number 3}, {@code null}. */
    private static String typed(JsonNode node) {
        return node.isNull() ? "null" : typeName(node) + " " + shown(node);
    }

    private static String child(String path, String key) {
        return PLAIN_KEY.matcher(key).matches() ? path + "." + key
                : path + "['" + key.replace("'", "\\'") + "']";
    }

    static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 3) + "...";
    }

    private static String describeBytes(byte[] body) {
        if (body.length == 0) {
            return "empty";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return body.length + " bytes \"" + (text.length() <= 40 ? text : text.substring(0, 37) + "...")
                .replace("\n", "\\n") + "\"";
    }
}
