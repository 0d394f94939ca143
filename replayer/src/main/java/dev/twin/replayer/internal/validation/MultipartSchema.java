package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code multipart/form-data} body schema says of its parts, read once when the operation is compiled: which
 * top-level properties are files ({@code type: string} with {@code format: binary}, a 3.1 {@code contentMediaType},
 * or an {@code encoding} whose {@code contentType} is not text; Swagger 2.0's {@code type: file} arrives as binary),
 * and the schema a decoded body is validated against, in which such a property holds an upload's description
 * ({@code {filename, type, size}}) rather than its bytes.
 *
 * @param files     the file properties, by name
 * @param validated the bundled schema with each file property's schema replaced (the bundle itself is not changed)
 */
record MultipartSchema(Set<String> files, ObjectNode validated) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFINITIONS = "#/definitions/";

    MultipartSchema {
        files = Set.copyOf(files);
    }

    static MultipartSchema of(ObjectNode bundle, MediaType declared) {
        Set<String> files = new HashSet<>();
        Map<String, Encoding> encodings = declared == null || declared.getEncoding() == null ? Map.of()
                : declared.getEncoding();
        encodings.forEach((name, encoding) -> {
            if (encoding != null && isFileType(encoding.getContentType())) {
                files.add(name);
            }
        });
        if (bundle == null) {
            return new MultipartSchema(files, null);
        }
        ObjectNode validated = bundle.deepCopy();
        replaceFiles(validated, validated, files, 0);
        return new MultipartSchema(files, validated);
    }

    /** Whether a part of this name (its root, before any bracket) is a file. */
    boolean isFile(String root) {
        return files.contains(root);
    }

    /**
     * Finds the file properties of the object schema (inline, behind a {@code $ref} into the bundle's definitions,
     * or in an {@code allOf} part) and makes each accept an upload's description, or a list of them.
     */
    private static void replaceFiles(ObjectNode bundle, JsonNode schema, Set<String> files, int depth) {
        if (!(schema instanceof ObjectNode object) || depth > 8) {
            return;
        }
        JsonNode ref = object.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFINITIONS)) {
            String name = ref.asText().substring(DEFINITIONS.length()).replace("~1", "/").replace("~0", "~");
            JsonNode definitions = bundle.path("definitions");
            if (definitions.get(name) instanceof ObjectNode definition) {
                // a copy inlined in place of the reference: other uses of the component keep their schema
                object.remove("$ref");
                object.setAll(definition.deepCopy());
                replaceFiles(bundle, object, files, depth + 1);
            }
            return;
        }
        for (String list : new String[] {"allOf", "anyOf", "oneOf"}) {
            JsonNode parts = object.get(list);
            if (parts != null && parts.isArray()) {
                parts.forEach(part -> replaceFiles(bundle, part, files, depth + 1));
            }
        }
        JsonNode properties = object.get("properties");
        if (!(properties instanceof ObjectNode byName)) {
            return;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        byName.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = resolved(bundle, byName.get(name));
            boolean single = isFileSchema(value);
            boolean many = !single && isArrayOfFiles(bundle, value);
            if (many) {
                files.add(name);
                ObjectNode list = ((ObjectNode) value).deepCopy(); // its minItems, maxItems … still hold
                list.set("items", upload());
                byName.set(name, list);
            } else if (single || files.contains(name)) {
                files.add(name);
                byName.set(name, value.path("type").asText("").equals("array")
                        ? JSON.objectNode().put("type", "array").set("items", upload()) : upload());
            }
        }
    }

    private static boolean isArrayOfFiles(ObjectNode bundle, JsonNode schema) {
        return schema.path("type").asText("").equals("array") && isFileSchema(resolved(bundle, schema.get("items")));
    }

    private static boolean isFileSchema(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        String format = schema.path("format").asText("");
        return format.equals("binary") || schema.has("contentMediaType") && !schema.has("contentEncoding")
                || schema.path("type").asText("").equals("file");
    }

    private static JsonNode resolved(ObjectNode bundle, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 8; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith(DEFINITIONS)) {
                return current;
            }
            current = bundle.path("definitions")
                    .get(ref.substring(DEFINITIONS.length()).replace("~1", "/").replace("~0", "~"));
        }
        return current == null ? JSON.objectNode() : current;
    }

    private static boolean isFileType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String essence = contentType.split("[;,]", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !essence.startsWith("text/") && !essence.equals("application/json") && !essence.endsWith("+json")
                && !essence.equals("application/x-www-form-urlencoded");
    }

    /** An upload's description: what a file property holds once decoded. */
    private static ObjectNode upload() {
        ObjectNode upload = JSON.objectNode().put("type", "object");
        upload.putArray("required").add("size");
        return upload;
    }
}
