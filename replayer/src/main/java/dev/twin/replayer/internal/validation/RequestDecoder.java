package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.http.TwinRequest;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes requests for one operation: declared parameters typed by their schemas, the body parsed by its
 * Content-Type (JSON; a form or multipart form with bracket nesting coerced by the body schema, uploads as their
 * description; XML as the schema's {@code xml} objects map it). Compiled once per operation;
 * decoding walks only the compiled checks. Thread-safe.
 */
public final class RequestDecoder {
    private static final BodyCheck UNDECLARED_JSON = BodyCheck.undeclared("application/json");
    private static final BodyCheck UNDECLARED_FORM = BodyCheck.undeclared("application/x-www-form-urlencoded");
    private static final BodyCheck UNDECLARED_MULTIPART = BodyCheck.undeclared("multipart/form-data");
    private static final BodyCheck UNDECLARED_XML = BodyCheck.undeclared("application/xml");
    private static final BodyCheck UNDECLARED_RAW = BodyCheck.undeclared("application/octet-stream");

    private final List<ParameterCheck> parameters;
    private final Map<String, BodyCheck> bodies;
    private final boolean bodyRequired;

    private RequestDecoder(List<ParameterCheck> parameters, Map<String, BodyCheck> bodies, boolean bodyRequired) {
        this.parameters = List.copyOf(parameters);
        this.bodies = bodies;
        this.bodyRequired = bodyRequired;
    }

    /**
     * Compiles the decoder for {@code operation}. Parameters may still be {@code #/components/parameters/..}
     * references and the body a {@code #/components/requestBodies/..} reference; pass path-level parameters
     * in {@code pathItemParameters} (operation-level ones with the same name and location win), or null when
     * they are already merged into the operation.
     */
    public static RequestDecoder compile(Operation operation, List<Parameter> pathItemParameters,
                                         SchemaRegistry registry) {
        Map<String, Parameter> merged = new LinkedHashMap<>();
        addParameters(merged, pathItemParameters, registry);
        addParameters(merged, operation.getParameters(), registry);
        Set<String> queryNames = new HashSet<>();
        merged.values().stream().filter(p -> "query".equalsIgnoreCase(p.getIn()))
                .forEach(p -> queryNames.add(p.getName()));
        List<ParameterCheck> checks = new ArrayList<>();
        for (Parameter parameter : merged.values()) {
            ParameterCheck check = ParameterCheck.compile(parameter, registry, queryNames);
            if (check != null) {
                checks.add(check);
            }
        }
        RequestBody body = registry.requestBody(operation.getRequestBody());
        Map<String, BodyCheck> bodies = new LinkedHashMap<>();
        Content content = body == null ? null : body.getContent();
        if (content != null) {
            content.forEach((mediaType, declared) -> {
                String essence = MediaTypes.essence(mediaType);
                if (essence != null) {
                    bodies.put(essence, BodyCheck.compile(essence, declared, registry));
                }
            });
        }
        boolean required = body != null && Boolean.TRUE.equals(body.getRequired());
        return new RequestDecoder(checks, Map.copyOf(bodies), required);
    }

    public DecodedRequest decode(TwinRequest request, Map<String, String> pathParams) {
        List<Violation> problems = List.of();
        Map<String, JsonNode> path = Map.of();
        Map<String, JsonNode> query = Map.of();
        Map<String, JsonNode> headers = Map.of();
        Map<String, JsonNode> cookies = Map.of();
        RequestView view = new RequestView(request, pathParams);
        if (request.rawQuery() != null) {
            Violation exceeded = RequestLimits.check(view.queryPairs(), Violation.QUERY);
            if (exceeded != null) {
                return DecodedRequest.overLimit(request, exceeded);
            }
        }
        if (!parameters.isEmpty()) {
            problems = new ArrayList<>(0);
            for (ParameterCheck parameter : parameters) {
                JsonNode value = parameter.decode(view, problems);
                if (value != null) {
                    switch (parameter.location()) {
                        case Violation.PATH -> path = put(path, parameter.name(), value);
                        case Violation.HEADER -> headers = put(headers, parameter.name(), value);
                        case Violation.COOKIE -> cookies = put(cookies, parameter.name(), value);
                        default -> query = put(query, parameter.name(), value);
                    }
                }
            }
        }
        String contentType = MediaTypes.essence(request.header("content-type"));
        BodyCheck body = bodyCheck(contentType, request.body().length);
        JsonNode decodedBody = null;
        String mediaType = null;
        BodyFormat format = BodyFormat.NONE;
        if (body == null && request.body().length > 0) {
            problems = mutable(problems);
            problems.add(unsupported(contentType));
        } else if (body != null) {
            problems = mutable(problems);
            List<Violation> overLimit = new ArrayList<>(0);
            decodedBody = body.decode(request.body(), request.header("content-type"), problems, overLimit);
            if (!overLimit.isEmpty()) {
                return DecodedRequest.overLimit(request, overLimit.get(0));
            }
            mediaType = contentType != null ? contentType : body.mediaType();
            format = body.format() == BodyFormat.RAW && request.body().length == 0 ? BodyFormat.NONE : body.format();
        }
        return new DecodedRequest(request, path, query, headers, cookies, mediaType, format, decodedBody, problems);
    }

    /** Adds to a map that starts as the shared empty one (most requests have one or two parameters, if any). */
    private static Map<String, JsonNode> put(Map<String, JsonNode> map, String name, JsonNode value) {
        Map<String, JsonNode> target = map.isEmpty() ? new HashMap<>(4) : map;
        target.put(name, value);
        return target;
    }

    private static List<Violation> mutable(List<Violation> problems) {
        return problems instanceof ArrayList ? problems : new ArrayList<>(problems);
    }

    List<ParameterCheck> parameters() {
        return parameters;
    }

    boolean bodyRequired() {
        return bodyRequired;
    }

    /**
     * The compiled body for a request's Content-Type: the declared media type, else a declared range covering it,
     * else (for a request without Content-Type) the only declared one. Null when the body cannot be accepted.
     */
    BodyCheck bodyCheck(String contentType, int bodyLength) {
        if (contentType == null) {
            if (bodies.size() == 1) {
                return bodies.values().iterator().next();
            }
            return bodyLength == 0 ? null : bodies.isEmpty() ? UNDECLARED_RAW : null;
        }
        BodyCheck exact = bodies.get(contentType);
        if (exact != null) {
            return exact;
        }
        for (BodyCheck declared : bodies.values()) {
            if (MediaTypes.covers(declared.mediaType(), contentType)) {
                return undeclared(contentType);
            }
        }
        if (bodies.isEmpty() || bodyLength == 0) {
            return undeclared(contentType); // nothing declared to compare with: decode what can be decoded
        }
        return null;
    }

    private static BodyCheck undeclared(String contentType) {
        return switch (BodyFormat.of(contentType)) {
            case JSON -> UNDECLARED_JSON;
            case FORM -> UNDECLARED_FORM;
            case MULTIPART -> UNDECLARED_MULTIPART;
            case XML -> UNDECLARED_XML;
            default -> UNDECLARED_RAW;
        };
    }

    private Violation unsupported(String contentType) {
        String expected = String.join(", ", bodies.keySet());
        String reason = contentType == null
                ? "Missing Content-Type header; expected one of: " + expected + "."
                : "Unsupported Content-Type " + contentType + "; expected one of: " + expected + ".";
        return new Violation(Violation.CONTENT_TYPE, Violation.HEADER, reason);
    }

    private static void addParameters(Map<String, Parameter> merged, List<Parameter> parameters,
                                      SchemaRegistry registry) {
        if (parameters == null) {
            return;
        }
        for (Parameter declared : parameters) {
            Parameter parameter = registry.parameter(declared);
            if (parameter != null && parameter.getName() != null) {
                String in = parameter.getIn() == null ? "" : parameter.getIn().toLowerCase(Locale.ROOT);
                merged.put(in + ":" + parameter.getName(), parameter);
            }
        }
    }
}
