package dev.twin.replayer.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.form.FormDecoder;
import dev.twin.replayer.form.FormPair;
import dev.twin.replayer.form.FormShape;
import dev.twin.replayer.form.FormShapeBuilder;
import dev.twin.replayer.form.UrlEncoded;
import io.swagger.v3.oas.models.media.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The request body of one declared media type, compiled: how to decode it and the schema check for it. */
final class BodyCheck {
    private final String mediaType;
    private final BodyFormat format;
    private final FormShape shape;
    private final SchemaCheck schema;
    private final boolean declared;

    private BodyCheck(String mediaType, BodyFormat format, FormShape shape, SchemaCheck schema, boolean declared) {
        this.mediaType = mediaType;
        this.format = format;
        this.shape = shape;
        this.schema = schema;
        this.declared = declared;
    }

    static BodyCheck compile(String mediaType, MediaType declared, SchemaRegistry registry) {
        BodyFormat format = BodyFormat.of(mediaType);
        ObjectNode jsonSchema = declared == null ? null : registry.bundle(declared.getSchema());
        FormShape shape = format == BodyFormat.FORM ? FormShapeBuilder.of(jsonSchema) : FormShape.ANY;
        SchemaCheck check = null;
        if (jsonSchema != null && (format == BodyFormat.JSON || format == BodyFormat.FORM)) {
            ParamNaming naming = format == BodyFormat.FORM
                    ? ParamNaming.brackets(null) : ParamNaming.dotted(Violation.BODY);
            check = SchemaCheck.compile(jsonSchema, Violation.BODY, naming);
        }
        return new BodyCheck(mediaType, format, shape, check, true);
    }

    /** For bodies the operation does not declare: decoded by their media type, nothing to check. */
    static BodyCheck undeclared(String mediaType) {
        return new BodyCheck(mediaType, BodyFormat.of(mediaType), FormShape.ANY, null, false);
    }

    String mediaType() {
        return mediaType;
    }

    BodyFormat format() {
        return format;
    }

    /**
     * The decoded body, or null when there is none or it is kept raw. JSON syntax errors go to problems when the
     * operation declares this media type; a body it does not declare is decoded on a best-effort basis only. A body
     * beyond {@link RequestLimits} is not decoded: the limit it exceeds goes to {@code overLimit}, declared or not.
     */
    JsonNode decode(byte[] body, List<Violation> problems, List<Violation> overLimit) {
        return switch (format) {
            case FORM -> decodeForm(new String(body, StandardCharsets.UTF_8), overLimit);
            case JSON -> body.length == 0 ? null
                    : JsonBodies.parse(body, declared ? problems : new ArrayList<>(), overLimit);
            default -> null;
        };
    }

    private JsonNode decodeForm(String body, List<Violation> overLimit) {
        List<FormPair> pairs = UrlEncoded.parse(body, RequestLimits.MAX_PARAMETERS + 1);
        Violation exceeded = RequestLimits.check(pairs, Violation.BODY);
        if (exceeded != null) {
            overLimit.add(exceeded);
            return null;
        }
        return FormDecoder.decode(pairs, shape);
    }

    void validate(JsonNode body, List<Violation> out) {
        if (schema != null && body != null) {
            schema.check(body, out);
        }
    }
}
