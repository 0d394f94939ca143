package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.CreateRule;
import dev.twin.replayer.config.DeleteRule;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.FieldRules;
import dev.twin.replayer.config.IdAlphabet;
import dev.twin.replayer.config.IdStrategy;
import dev.twin.replayer.config.IdType;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.config.Timestamps;
import dev.twin.replayer.config.UpdateRule;
import dev.twin.replayer.internal.http.ErrorKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link ResourceFacts} the cache wrote (Jackson writing the records by their component names) back from
 * the JSON tree by hand: a launch reads them before the JIT has compiled anything, when building Jackson's record
 * deserializers would cost more than the rest of the entry. The constructors called here fail to compile when a
 * record gains a component, so reading cannot silently fall behind writing; a component written under another name
 * reads as absent, which {@code ResourceFactsCacheTest} would see on Stripe's and Twilio's specs.
 */
final class StoredFacts {
    private StoredFacts() {
    }

    static ResourceFactsCache.Stored stored(JsonNode node) throws IOException {
        List<ResourceFactsCache.Operation> operations = new ArrayList<>();
        for (JsonNode operation : array(node, "operations")) {
            operations.add(new ResourceFactsCache.Operation(text(operation, "id"),
                    enumOf(Binding.Action.class, operation.get("action"))));
        }
        Map<String, List<String>> references = new LinkedHashMap<>();
        fields(node.get("referenceBranches")).forEachRemaining(e -> references.put(e.getKey(), strings(e.getValue())));
        return new ResourceFactsCache.Stored(text(node, "collectionPath"), text(node, "itemPath"),
                text(node, "idParam"), strings(node.get("parentParams")), operations,
                node.path("createsByPut").asBoolean(), text(node, "schemaName"), text(node, "idField"),
                stringMap(node.get("parentFields")), listStyle(node.get("list")), idShape(node.get("id")),
                conventions(node.get("conventions")), stringMap(node.get("uploadFields")), references,
                node.path("createAnswersArray").asBoolean());
    }

    private static IdShape idShape(JsonNode node) throws IOException {
        if (absent(node)) {
            throw new IOException("no id shape");
        }
        return new IdShape(enumOf(IdStrategy.class, node.get("strategy")), text(node, "prefix"),
                node.path("length").asInt(), enumOf(IdAlphabet.class, node.get("alphabet")), text(node, "pattern"),
                enumOf(IdType.class, node.get("type")));
    }

    private static Conventions conventions(JsonNode node) throws IOException {
        if (absent(node)) {
            throw new IOException("no conventions");
        }
        if (!absent(node.get("create")) || !absent(node.get("fieldLimits")) || !absent(node.get("revision"))) {
            throw new IOException("conventions stateful: auto does not derive");
        }
        return new Conventions(timestamps(node.get("timestamps")), fieldRules(node.get("fields")),
                listStyle(node.get("list")), (CreateRule) null, deleteRule(node.get("delete")),
                errorRules(node.get("errors")), updateRule(node.get("update")), null, null);
    }

    private static Timestamps timestamps(JsonNode node) {
        return absent(node) ? null : new Timestamps(enumOf(Timestamps.Format.class, node.get("format")),
                stringMap(node.get("fields")));
    }

    private static FieldRules fieldRules(JsonNode node) {
        return absent(node) ? null : new FieldRules(object(node, "inject"), nullableStrings(node.get("hide")),
                stringMap(node.get("rename")), nullableStrings(node.get("ignore")), nullableStrings(node.get("split")));
    }

    private static ListStyle listStyle(JsonNode n) {
        return absent(n) ? null : new ListStyle(enumOf(ListStyle.Style.class, n.get("style")), text(n, "dataField"),
                object(n, "extraFields"), bool(n, "hideMeta"), text(n, "totalField"), integer(n, "defaultLimit"),
                integer(n, "maxLimit"), text(n, "limitParam"), text(n, "startingAfterParam"),
                text(n, "endingBeforeParam"), text(n, "hasMoreField"), text(n, "pageParam"),
                text(n, "pageSizeParam"), stringMap(n.get("pageFields")), bool(n, "bareArray"),
                enumOf(ListStyle.Order.class, n.get("order")), text(n, "offsetParam"), text(n, "sortParam"),
                text(n, "orderParam"), text(n, "totalHeader"), bool(n, "linkHeader"), text(n, "limitField"),
                text(n, "offsetField"));
    }

    private static DeleteRule deleteRule(JsonNode node) {
        return absent(node) ? null : new DeleteRule(integer(node, "status"), bool(node, "preserve"),
                node.get("body"), bool(node, "answersRow"));
    }

    private static UpdateRule updateRule(JsonNode node) {
        return absent(node) ? null : new UpdateRule(bool(node, "upsert"), integer(node, "status"),
                integer(node, "createdStatus"), bool(node, "emptyBody"), node.get("body"),
                enumOf(CreateRule.Location.class, node.get("location")));
    }

    private static ErrorRules errorRules(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        Map<ErrorKind, Integer> status = kinds(node.get("status"), JsonNode::intValue);
        Map<ErrorKind, JsonNode> bodies = kinds(node.get("bodies"), value -> value);
        List<ErrorKind> emptyBody = null;
        if (!absent(node.get("emptyBody"))) {
            emptyBody = new ArrayList<>();
            for (JsonNode kind : node.get("emptyBody")) {
                emptyBody.add(ErrorKind.valueOf(kind.asText()));
            }
        }
        return new ErrorRules(text(node, "wrap"), stringMap(node.get("fields")), status,
                kinds(node.get("typeMap"), JsonNode::asText), kinds(node.get("codeMap"), value -> value),
                object(node, "extraFields"), kinds(node.get("messageMap"), JsonNode::asText), emptyBody, bodies);
    }

    private static <V> Map<ErrorKind, V> kinds(JsonNode node, java.util.function.Function<JsonNode, V> value) {
        if (absent(node)) {
            return null;
        }
        Map<ErrorKind, V> map = new EnumMap<>(ErrorKind.class);
        fields(node).forEachRemaining(e -> map.put(ErrorKind.valueOf(e.getKey()), value.apply(e.getValue())));
        return map;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return absent(value) ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return absent(value) ? null : value.intValue();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return absent(value) ? null : value.booleanValue();
    }

    private static ObjectNode object(JsonNode node, String field) {
        return node.get(field) instanceof ObjectNode object ? object : null;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode value) {
        return absent(value) ? null : Enum.valueOf(type, value.asText());
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isArray() ? List.of() : value;
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node == null || !node.isObject() ? java.util.Collections.emptyIterator() : node.fields();
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> strings.add(item.asText()));
        }
        return strings;
    }

    private static List<String> nullableStrings(JsonNode node) {
        return absent(node) ? null : strings(node);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        fields(node).forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return map;
    }
}
