package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.config.Expressions;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an item shows of the file its create uploads ({@code multipart/form-data}): the twin keeps an upload as its
 * description {@code {filename, type, size}}, never its bytes, and where the item has a property for the file's
 * name, size or media type (Stripe's file: {@code filename}, {@code size}, {@code type}), the row takes it from
 * there, as a {@code create.derive} written in twin.yaml would. A {@code type} whose example is no media type
 * ({@code "pdf"}) gets the file name's extension. Only uploads the create requires: an optional one left out would
 * leave those properties empty instead of at their defaults.
 */
final class UploadFields {
    private static final List<String> FILENAME = List.of("filename", "file_name", "original_filename", "name");
    private static final List<String> SIZE = List.of("size", "file_size", "size_bytes", "bytes", "content_length");
    private static final List<String> MEDIA_TYPE = List.of("content_type", "mime_type", "media_type", "mimetype");
    private static final List<String> FILE_TYPE = List.of("type", "file_type");

    private UploadFields() {
    }

    /** {@code filename: input.file.filename}, … for the create's required upload, or nothing. */
    static Map<String, String> sources(SpecResource resource, ItemShape item, DefaultRow defaults,
                                       SchemaLookup schemas) {
        Optional<String> upload = resource.operation(Binding.Action.CREATE).flatMap(create -> requiredUpload(create,
                schemas));
        if (upload.isEmpty() || item.properties().containsKey(upload.get())) {
            return Map.of();
        }
        String file = "input." + upload.get();
        Map<String, String> sources = new LinkedHashMap<>();
        property(item, FILENAME, "string", schemas).ifPresent(name -> sources.put(name, file + ".filename"));
        property(item, SIZE, "integer", schemas).ifPresent(name -> sources.put(name, file + ".size"));
        property(item, MEDIA_TYPE, "string", schemas).ifPresent(name -> sources.put(name, file + ".type"));
        property(item, FILE_TYPE, "string", schemas).filter(name -> !sources.containsKey(name)).ifPresent(name -> {
            JsonNode example = defaults.fields().get(name);
            boolean mediaType = example != null && example.isTextual() && example.textValue().contains("/");
            sources.put(name, mediaType ? file + ".type" : extension(file + ".filename"));
        });
        return sources;
    }

    /** The {@code create.derive} of those sources, each an expression located where {@code stateful: auto} is. */
    static Map<String, Expression> derive(Map<String, String> sources, SourceLocation location) {
        Map<String, Expression> derive = new LinkedHashMap<>();
        sources.forEach((name, source) -> derive.put(name, Expressions.compile(source, location)));
        return derive;
    }

    /** {@code report.PDF} → {@code pdf}; a name without a dot as it is; no name, null. */
    private static String extension(String filename) {
        return filename + " == null ? null : " + filename + ".substring(" + filename + ".lastIndexOf('.') + 1)"
                + ".toLowerCase()";
    }

    /** The first of the names the item has as a property of the type (or of none), without an enumeration. */
    private static Optional<String> property(ItemShape item, List<String> names, String type, SchemaLookup schemas) {
        for (String name : names) {
            String property = FieldNames.match(name, item.properties().keySet());
            if (property == null || property.equals(item.idField())) {
                continue;
            }
            Schema<?> schema = schemas.resolve(item.properties().get(property));
            String declared = SchemaLookup.type(schema);
            if (schema != null && schema.getEnum() == null && (declared == null || declared.equals(type)
                    || type.equals("integer") && declared.equals("number"))) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /** The file property the create's multipart body requires, if there is one. */
    private static Optional<String> requiredUpload(ApiOperation create, SchemaLookup schemas) {
        var body = create.operation() == null ? null : create.operation().getRequestBody();
        MediaType multipart = body == null || body.getContent() == null ? null
                : body.getContent().get("multipart/form-data");
        Schema<?> schema = multipart == null ? null : schemas.resolve(multipart.getSchema());
        if (schema == null || schema.getRequired() == null) {
            return Optional.empty();
        }
        Map<String, Schema<?>> properties = schemas.properties(schema);
        for (String required : schema.getRequired()) {
            Schema<?> property = schemas.resolve(properties.get(required));
            if (property != null && ("binary".equals(property.getFormat()) || property.getContentMediaType() != null
                    || "file".equals(property.getType()))) {
                return Optional.of(required);
            }
        }
        return Optional.empty();
    }
}
