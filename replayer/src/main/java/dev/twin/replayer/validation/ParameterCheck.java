package dev.twin.replayer.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.form.FormDecoder;
import dev.twin.replayer.form.FormShape;
import dev.twin.replayer.form.FormShapeBuilder;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One declared path, query, header or cookie parameter, compiled: where to read it, how to split and type it,
 * and the schema check for its value.
 */
final class ParameterCheck {
    private final String name;
    private final String displayName;
    private final String location;
    private final boolean required;
    private final FormShape shape;
    private final String delimiter;
    private final Pattern splitter;
    private final boolean jsonContent;
    private final SchemaCheck schema;

    private ParameterCheck(String name, String displayName, String location, boolean required, FormShape shape,
                           String delimiter, boolean jsonContent, SchemaCheck schema) {
        this.name = name;
        this.displayName = displayName;
        this.location = location;
        this.required = required;
        this.shape = shape;
        this.delimiter = delimiter;
        this.splitter = delimiter == null ? null : Pattern.compile(Pattern.quote(delimiter));
        this.jsonContent = jsonContent;
        this.schema = schema;
    }

    /** Null for parameters OpenAPI says to ignore (Accept, Content-Type, Authorization headers). */
    static ParameterCheck compile(Parameter parameter, SchemaRegistry registry) {
        String location = parameter.getIn() == null ? Violation.QUERY : parameter.getIn().toLowerCase(Locale.ROOT);
        String name = parameter.getName();
        if (location.equals(Violation.HEADER)) {
            String header = name.toLowerCase(Locale.ROOT);
            if (header.equals("accept") || header.equals("content-type") || header.equals("authorization")) {
                return null;
            }
            name = header;
        }
        Schema<?> schema = parameter.getSchema();
        boolean jsonContent = false;
        if (schema == null && parameter.getContent() != null && !parameter.getContent().isEmpty()) {
            var content = parameter.getContent().entrySet().iterator().next();
            MediaType mediaType = content.getValue();
            schema = mediaType == null ? null : mediaType.getSchema();
            jsonContent = BodyFormat.of(content.getKey().toLowerCase(Locale.ROOT)) == BodyFormat.JSON;
        }
        ObjectNode jsonSchema = registry.bundle(schema);
        FormShape shape = jsonContent ? FormShape.ANY : FormShapeBuilder.of(jsonSchema);
        boolean required = Boolean.TRUE.equals(parameter.getRequired()) || location.equals(Violation.PATH);
        SchemaCheck check = jsonSchema == null ? null
                : SchemaCheck.compile(jsonSchema, location, ParamNaming.brackets(parameter.getName()));
        return new ParameterCheck(name, parameter.getName(), location, required, shape,
                delimiter(location, parameter, shape), jsonContent, check);
    }

    String name() {
        return name;
    }

    String location() {
        return location;
    }

    /** The typed value of this parameter in the request, or null when it was not sent. */
    JsonNode decode(RequestView request, List<Violation> problems) {
        // a declared name with brackets of its own (JSON:API's filter[status]) is matched literally
        boolean literalName = name.indexOf('[') >= 0;
        if (location.equals(Violation.QUERY) && delimiter == null && !jsonContent && !literalName) {
            JsonNode value = FormDecoder.decodeParameter(name, request.queryPairs(), shape);
            // a scalar sent twice (?limit=1&limit=2): the first one counts, as for any single-valued read
            return value != null && value.isArray() && shape.resolved() instanceof FormShape.Scalar
                    ? value.get(0) : value;
        }
        String raw = rawValue(request);
        if (raw == null) {
            return null;
        }
        if (jsonContent) {
            try {
                return JsonBodies.MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                problems.add(new Violation(displayName(), location, "Invalid JSON in " + displayName() + "."));
                return null;
            }
        }
        if (delimiter == null) {
            return FormDecoder.coerceValues(List.of(raw), shape);
        }
        List<String> values = new ArrayList<>();
        for (String part : splitter.split(raw, -1)) {
            values.add(location.equals(Violation.HEADER) ? part.trim() : part);
        }
        return FormDecoder.coerceValues(values, shape);
    }

    void validate(JsonNode value, List<Violation> out) {
        if (value == null) {
            if (required) {
                out.add(new Violation(displayName(), location, "Missing required param: " + displayName() + "."));
            }
            return;
        }
        if (schema != null) {
            schema.check(value, out);
        }
    }

    /** The name as the spec declares it (headers are looked up lower-cased but reported as declared). */
    private String displayName() {
        return displayName;
    }

    private String rawValue(RequestView request) {
        return switch (location) {
            case Violation.PATH -> request.pathParam(name);
            case Violation.HEADER -> {
                List<String> values = request.headerValues(name);
                yield values == null || values.isEmpty() ? null : String.join(",", values);
            }
            case Violation.COOKIE -> request.cookie(name);
            default -> {
                String first = null;
                for (var pair : request.queryPairs()) {
                    if (pair.name().equals(name)) {
                        if (first == null) {
                            first = pair.value();
                        } else if (delimiter != null) {
                            first = first + delimiter + pair.value();
                        }
                    }
                }
                yield first;
            }
        };
    }

    /** The character separating array items in one value, or null when items come as repeated or bracketed names. */
    private static String delimiter(String location, Parameter parameter, FormShape shape) {
        if (!(shape.resolved() instanceof FormShape.ArrayShape)) {
            return null;
        }
        String style = parameter.getStyle() == null ? null : parameter.getStyle().toString();
        if (!location.equals(Violation.QUERY)) {
            return ",";
        }
        boolean explode = parameter.getExplode() == null
                ? style == null || style.equals("form") : parameter.getExplode();
        if (style == null || style.equals("form")) {
            return explode ? null : ",";
        }
        return switch (style) {
            case "spaceDelimited" -> explode ? null : " ";
            case "pipeDelimited" -> explode ? null : "|";
            default -> null;
        };
    }
}
