package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.form.BracketName;
import dev.twin.replayer.internal.form.FormDecoder;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.FormShape;
import dev.twin.replayer.internal.form.MultipartForm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/form-data} body as a tree: its text parts as a form body is read (bracket names nest, values
 * are typed by the schema; a part holding a JSON object for an object property, as OpenAPI's default encoding
 * sends it, is parsed), each upload as {@code {"filename": "a.pdf", "type": "application/pdf", "size": 1024}} under
 * its name (a list when the property is one, or the name repeats). Within the same {@link RequestLimits} as forms.
 */
final class MultipartBody {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MultipartBody() {
    }

    /** The tree, or null after adding why to {@code problems} (malformed) or {@code overLimit} (too many, too deep). */
    static JsonNode decode(byte[] body, String contentType, MultipartSchema schema, FormShape shape,
                           List<Violation> problems, List<Violation> overLimit) {
        MultipartForm.Parts parts;
        try {
            parts = MultipartForm.read(body, contentType, RequestLimits.MAX_PARAMETERS,
                    name -> schema.isFile(BracketName.root(name)));
        } catch (MultipartForm.Unreadable e) {
            if (e.tooMany()) {
                overLimit.add(new Violation(Violation.BODY, Violation.BODY, "Too many parameters: a request can send"
                        + " at most " + RequestLimits.MAX_PARAMETERS + " (a multipart body of more parts)."));
            } else {
                problems.add(new Violation(Violation.BODY, Violation.BODY, "Invalid multipart/form-data body: "
                        + e.getMessage() + "."));
            }
            return null;
        }
        List<FormPair> pairs = new ArrayList<>(parts.fields().size());
        List<MultipartForm.Field> jsonParts = new ArrayList<>(0);
        for (MultipartForm.Field field : parts.fields()) {
            if (holdsJson(field, shape)) {
                jsonParts.add(field);
            } else {
                pairs.add(field.pair());
            }
        }
        for (MultipartForm.Upload upload : parts.uploads()) {
            pairs.add(new FormPair(upload.name(), "")); // counted and depth-checked like any field
        }
        Violation exceeded = RequestLimits.check(pairs, Violation.BODY);
        if (exceeded != null) {
            overLimit.add(exceeded);
            return null;
        }
        pairs.subList(pairs.size() - parts.uploads().size(), pairs.size()).clear();
        ObjectNode tree = FormDecoder.decode(pairs, shape);
        for (MultipartForm.Field field : jsonParts) {
            JsonNode parsed = JsonBodies.parse(field.value().getBytes(StandardCharsets.UTF_8), new ArrayList<>(),
                    overLimit);
            if (!overLimit.isEmpty()) {
                return null;
            }
            tree.set(field.name(), parsed != null ? parsed : JSON.textNode(field.value()));
        }
        for (MultipartForm.Upload upload : parts.uploads()) {
            add(tree, BracketName.root(upload.name()), describe(upload), listed(upload, shape));
        }
        return tree;
    }

    /** An upload's description, as stored and shown: never its bytes. */
    private static ObjectNode describe(MultipartForm.Upload upload) {
        ObjectNode described = JSON.objectNode();
        if (upload.filename() != null) {
            described.put("filename", upload.filename());
        }
        described.put("type", upload.mediaType());
        described.put("size", upload.size());
        return described;
    }

    /** Whether an upload goes into a list: the property is an array, or the name says so ({@code files[]}). */
    private static boolean listed(MultipartForm.Upload upload, FormShape shape) {
        return !upload.name().equals(BracketName.root(upload.name()))
                || property(shape, BracketName.root(upload.name())) instanceof FormShape.ArrayShape;
    }

    private static void add(ObjectNode tree, String name, ObjectNode upload, boolean listed) {
        JsonNode present = tree.get(name);
        if (present instanceof ArrayNode list) {
            list.add(upload);
        } else if (present instanceof ObjectNode && present.has("size")) {
            tree.putArray(name).add(present).add(upload); // the name repeats: a list of them
        } else if (listed) {
            tree.putArray(name).add(upload);
        } else {
            tree.set(name, upload);
        }
    }

    /** A text part sending an object (or a list of them) as JSON, where the schema has one. */
    private static boolean holdsJson(MultipartForm.Field field, FormShape shape) {
        if (!field.name().equals(BracketName.root(field.name()))) {
            return false;
        }
        String value = field.value().stripLeading();
        if (value.isEmpty() || value.charAt(0) != '{' && value.charAt(0) != '[') {
            return false;
        }
        FormShape property = property(shape, field.name());
        return holdsObjects(property) || property instanceof FormShape.Choice choice
                && choice.choices().stream().anyMatch(option -> holdsObjects(option.resolved()));
    }

    private static boolean holdsObjects(FormShape shape) {
        return shape instanceof FormShape.ObjectShape || shape instanceof FormShape.ArrayShape array
                && !(array.items().resolved() instanceof FormShape.Scalar);
    }

    private static FormShape property(FormShape shape, String name) {
        return shape.resolved() instanceof FormShape.ObjectShape object ? object.property(name) : FormShape.ANY;
    }
}
