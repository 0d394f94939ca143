package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.form.FormDecoder;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.FormShape;
import dev.twin.replayer.internal.form.FormShapeBuilder;
import dev.twin.replayer.internal.form.UrlEncoded;
import io.swagger.v3.oas.models.media.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The request body of one declared media type, compiled: how to decode it and the schema check for it. */
final class BodyCheck {
    private static final MultipartSchema ANY_PARTS = new MultipartSchema(java.util.Set.of(), null);

    private final String mediaType;
    private final BodyFormat format;
    private final FormShape shape;
    private final SchemaCheck schema;
    private final boolean declared;
    /** For multipart bodies: which parts are files; else null. */
    private final MultipartSchema parts;
    /** For XML bodies: how elements map onto the schema; else null. */
    private final XmlShape xml;

    private BodyCheck(String mediaType, BodyFormat format, FormShape shape, SchemaCheck schema, boolean declared,
                      MultipartSchema parts, XmlShape xml) {
        this.mediaType = mediaType;
        this.format = format;
        this.shape = shape;
        this.schema = schema;
        this.declared = declared;
        this.parts = parts;
        this.xml = xml;
    }

    static BodyCheck compile(String mediaType, MediaType declared, SchemaRegistry registry) {
        BodyFormat format = BodyFormat.of(mediaType);
        ObjectNode jsonSchema = declared == null ? null : registry.bundle(declared.getSchema());
        MultipartSchema parts = format == BodyFormat.MULTIPART ? MultipartSchema.of(jsonSchema, declared) : null;
        boolean formLike = format == BodyFormat.FORM || format == BodyFormat.MULTIPART;
        FormShape shape = formLike ? FormShapeBuilder.of(jsonSchema) : FormShape.ANY;
        XmlShape xml = format == BodyFormat.XML ? XmlShape.of(declared == null ? null : declared.getSchema(),
                registry.components()) : null;
        SchemaCheck check = null;
        if (jsonSchema != null && (format == BodyFormat.JSON || format == BodyFormat.XML || formLike)) {
            ParamNaming naming = formLike ? ParamNaming.brackets(null) : ParamNaming.dotted(Violation.BODY);
            check = SchemaCheck.compile(parts != null ? parts.validated() : jsonSchema, Violation.BODY, naming);
        }
        return new BodyCheck(mediaType, format, shape, check, true, parts, xml);
    }

    /** For bodies the operation does not declare: decoded by their media type, nothing to check. */
    static BodyCheck undeclared(String mediaType) {
        BodyFormat format = BodyFormat.of(mediaType);
        return new BodyCheck(mediaType, format, FormShape.ANY, null, false,
                format == BodyFormat.MULTIPART ? ANY_PARTS : null, format == BodyFormat.XML ? XmlShape.ANY : null);
    }

    String mediaType() {
        return mediaType;
    }

    BodyFormat format() {
        return format;
    }

    /**
     * The decoded body, or null when there is none or it is kept raw ({@code contentType} is the request's whole
     * header, which a multipart body needs for its boundary). JSON syntax errors go to problems when the
     * operation declares this media type; a body it does not declare is decoded on a best-effort basis only. A body
     * beyond {@link RequestLimits} is not decoded: the limit it exceeds goes to {@code overLimit}, declared or not.
     */
    JsonNode decode(byte[] body, String contentType, List<Violation> problems, List<Violation> overLimit) {
        return switch (format) {
            case FORM -> decodeForm(new String(body, StandardCharsets.UTF_8), overLimit);
            case MULTIPART -> body.length == 0 ? null : MultipartBody.decode(body, contentType, parts, shape,
                    declared ? problems : new ArrayList<>(), overLimit);
            case XML -> body.length == 0 ? null
                    : XmlBodies.parse(body, xml, declared ? problems : new ArrayList<>(), overLimit);
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
