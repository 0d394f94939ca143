package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.form.FormDecoder;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.FormShape;
import dev.twin.replayer.internal.form.FormShapeBuilder;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One declared path, query, header or cookie parameter, compiled: where to read it, how its style spells it
 * ({@link ParameterStyle}), how to type it, and the schema check for its value.
 */
final class ParameterCheck {
    private final String name;
    private final String displayName;
    private final String location;
    private final boolean required;
    private final FormShape shape;
    private final ParameterStyle style;
    /** For an exploded query object: the query names other parameters declare, which are not its properties. */
    private final Set<String> otherQueryNames;
    private final boolean jsonContent;
    private final SchemaCheck schema;
    /** A {@code format: date-time} string: also taken as a date or a date-time without its offset (UTC). */
    private final boolean dateTime;

    /**
     * What clients send for a date-time in a query — Twilio's SDKs {@code DateSent>=2024-05-01T12:00:00}, its docs
     * {@code DateSent=2024-05-01}: RFC 3339, or a date, or a local date-time.
     */
    private static final java.util.regex.Pattern QUERY_DATE_TIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}:?\\d{2})?)?");

    private ParameterCheck(String name, String displayName, String location, boolean required, FormShape shape,
                           ParameterStyle style, Set<String> otherQueryNames, boolean jsonContent,
                           SchemaCheck schema, boolean dateTime) {
        this.dateTime = dateTime;
        this.name = name;
        this.displayName = displayName;
        this.location = location;
        this.required = required;
        this.shape = shape;
        this.style = style;
        this.otherQueryNames = otherQueryNames;
        this.jsonContent = jsonContent;
        this.schema = schema;
    }

    /**
     * Null for parameters OpenAPI says to ignore (Accept, Content-Type, Authorization headers).
     *
     * @param queryNames the names of every query parameter the operation declares
     */
    static ParameterCheck compile(Parameter parameter, SchemaRegistry registry, Set<String> queryNames) {
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
        Set<String> others = new HashSet<>(queryNames);
        others.remove(parameter.getName());
        boolean dateTime = jsonSchema != null && "string".equals(jsonSchema.path("type").asText(null))
                && "date-time".equals(jsonSchema.path("format").asText(null))
                && java.util.stream.Stream.of("enum", "const", "pattern", "minLength", "maxLength")
                .noneMatch(jsonSchema::has);
        return new ParameterCheck(name, parameter.getName(), location, required, shape,
                ParameterStyle.of(location, parameter, shape), Set.copyOf(others), jsonContent, check, dateTime);
    }

    String name() {
        return name;
    }

    String location() {
        return location;
    }

    /** The typed value of this parameter in the request, or null when it was not sent. */
    JsonNode decode(RequestView request, List<Violation> problems) {
        if (location.equals(Violation.QUERY) && !jsonContent && style.readsQueryPairs()) {
            return fromQueryPairs(request.queryPairs());
        }
        String raw = rawValue(request);
        if (raw == null) {
            return objectFromOwnCookies(request);
        }
        if (jsonContent) {
            try {
                return JsonBodies.MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                problems.add(new Violation(displayName(), location, "Invalid JSON in " + displayName() + "."));
                return null;
            }
        }
        if (style.isPlainScalar()) {
            return FormDecoder.coerceValues(List.of(raw), shape);
        }
        return style.read(raw, displayName, location, problems);
    }

    /**
     * Exploded forms and deepObject: {@code ?id=3&id=4}, {@code ?id[]=3}, {@code ?id[role]=admin}, and an exploded
     * object's properties as pairs of their own ({@code ?role=admin&name=Alex}).
     */
    private JsonNode fromQueryPairs(List<FormPair> pairs) {
        // a declared name with brackets of its own (JSON:API's filter[status]) is matched literally
        if (name.indexOf('[') >= 0) {
            String raw = rawValue(pairs);
            return raw == null ? null : FormDecoder.coerceValues(List.of(raw), shape);
        }
        JsonNode value = FormDecoder.decodeParameter(name, pairs, shape);
        if (value == null && style.kind() == ParameterStyle.Kind.OBJECT) {
            return explodedObject(pairs);
        }
        // a scalar sent twice (?limit=1&limit=2): the first one counts, as for any single-valued read
        return value != null && value.isArray() && shape.resolved() instanceof FormShape.Scalar
                ? value.get(0) : value;
    }

    /** The properties of an exploded query object: pairs named by its properties (or any other, if it allows). */
    private JsonNode explodedObject(List<FormPair> pairs) {
        FormShape.ObjectShape object = (FormShape.ObjectShape) shape.resolved();
        // with properties declared only they are taken; a free-form object takes every undeclared name
        boolean open = object.properties().isEmpty() || !(object.additional() instanceof FormShape.Any);
        List<FormPair> own = new ArrayList<>();
        for (FormPair pair : pairs) {
            String root = pair.rootName();
            if (object.properties().containsKey(root) || open && !otherQueryNames.contains(root)) {
                own.add(pair);
            }
        }
        return own.isEmpty() ? null : FormDecoder.decode(own, shape);
    }

    /** A cookie object exploded into cookies named by its properties; null when none of them was sent. */
    private JsonNode objectFromOwnCookies(RequestView request) {
        if (!location.equals(Violation.COOKIE) || style.kind() != ParameterStyle.Kind.OBJECT) {
            return null;
        }
        FormShape.ObjectShape object = (FormShape.ObjectShape) shape.resolved();
        List<FormPair> own = new ArrayList<>();
        for (String property : object.properties().keySet()) {
            String value = request.cookie(property);
            if (value != null) {
                own.add(new FormPair(property, value));
            }
        }
        return own.isEmpty() ? null : FormDecoder.decode(own, shape);
    }

    void validate(JsonNode value, List<Violation> out) {
        if (value == null) {
            if (required) {
                out.add(new Violation(displayName(), location, "Missing required param: " + displayName() + ".", false,
                        "required"));
            }
            return;
        }
        if (dateTime && value.isTextual() && QUERY_DATE_TIME.matcher(value.textValue()).matches()) {
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
            default -> rawValue(request.queryPairs());
        };
    }

    /** A query value to split; sent more than once ({@code ?id=3,4&id=5}), the values are joined. */
    private String rawValue(List<FormPair> pairs) {
        String joined = null;
        for (FormPair pair : pairs) {
            if (pair.name().equals(name)) {
                joined = joined == null ? pair.value() : joined + "," + pair.value();
            }
        }
        return joined;
    }
}
