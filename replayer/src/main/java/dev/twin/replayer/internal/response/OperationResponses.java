package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The documented responses of one operation, read from the swagger model once and then reused per request. */
final class OperationResponses {
    /** How many distinct Accept values keep a usual answer; clients send few, so more are not worth keeping. */
    private static final int USUAL_ANSWERS = 16;
    private static final String NO_ACCEPT = "";

    private final List<DocumentedResponse> responses;
    private final DocumentedResponse preferred;
    private final Map<String, SpecResponder.UsualAnswer> usual = new ConcurrentHashMap<>();

    private OperationResponses(List<DocumentedResponse> responses, DocumentedResponse preferred) {
        this.responses = responses;
        this.preferred = preferred;
    }

    static OperationResponses of(ApiOperation apiOperation) {
        Operation operation = apiOperation.operation();
        Components components = apiOperation.components();
        List<DocumentedResponse> responses = new ArrayList<>();
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((code, response) ->
                    responses.add(documented(code, response, components)));
        }
        DocumentedResponse preferred = responses.stream()
                .filter(r -> isExact(r.code()) && r.status() >= 200 && r.status() < 300)
                .min(Comparator.comparingInt(DocumentedResponse::status))
                .or(() -> responses.stream().filter(r -> r.code().equalsIgnoreCase("2XX")).findFirst())
                .or(() -> responses.stream().filter(r -> r.code().equals("default")).findFirst())
                .or(() -> responses.stream().min(Comparator.comparingInt(DocumentedResponse::status)))
                .orElse(null);
        return new OperationResponses(List.copyOf(responses), preferred);
    }

    /**
     * The answer a success gets: the lowest documented 2xx code, else a {@code 2XX} range (sent as 200), else
     * {@code default} (sent as 200), else the lowest documented; null if none is documented.
     */
    DocumentedResponse preferred() {
        return preferred;
    }

    /** The documented codes as the spec writes them ({@code 200, 4XX, default}), or {@code none}. */
    String codes() {
        return responses.isEmpty() ? "none"
                : String.join(", ", responses.stream().map(DocumentedResponse::code).toList());
    }

    /** A documented response chosen for a refusal, and the status to send with it. */
    record Refusal(DocumentedResponse response, int status) {
    }

    /**
     * The documented response answering {@code rejection}: its exact codes in order, else the {@code 4XX} range,
     * else {@code default} (both sent with the rejection's own status); null when none is documented.
     */
    Refusal forRejection(Rejection rejection) {
        for (int code : rejection.documented()) {
            String exact = Integer.toString(code);
            for (DocumentedResponse response : responses) {
                if (response.code().equals(exact)) {
                    return new Refusal(response, code);
                }
            }
        }
        for (String fallback : new String[] {"4XX", "default"}) {
            for (DocumentedResponse response : responses) {
                if (response.code().equalsIgnoreCase(fallback)) {
                    return new Refusal(response, rejection.status());
                }
            }
        }
        return null;
    }

    private static boolean isExact(String code) {
        return code.length() == 3 && Character.isDigit(code.charAt(1)) && Character.isDigit(code.charAt(2));
    }

    /** The usual answer remembered for this Accept header value (null = none sent), or null. */
    SpecResponder.UsualAnswer usual(String accept) {
        return usual.get(accept == null ? NO_ACCEPT : accept);
    }

    void rememberUsual(String accept, SpecResponder.UsualAnswer answer) {
        if (usual.size() < USUAL_ANSWERS) {
            usual.putIfAbsent(accept == null ? NO_ACCEPT : accept, answer);
        }
    }

    /** The response documented for {@code status} exactly, else its {@code 4XX}-style range, else default. */
    DocumentedResponse forStatus(int status) {
        String exact = Integer.toString(status);
        String range = (status / 100) + "XX";
        DocumentedResponse inRange = null;
        DocumentedResponse byDefault = null;
        for (DocumentedResponse response : responses) {
            if (response.code().equals(exact)) {
                return response;
            }
            if (response.code().equalsIgnoreCase(range)) {
                inRange = response;
            } else if (response.code().equals("default")) {
                byDefault = response;
            }
        }
        return inRange != null ? inRange : byDefault;
    }

    private static DocumentedResponse documented(String code, ApiResponse response, Components components) {
        int status = statusOf(code);
        List<String> mediaTypes = new ArrayList<>();
        Map<String, MediaBody> bodies = new LinkedHashMap<>();
        Content content = response.getContent();
        if (content != null) {
            content.forEach((mediaType, media) -> {
                mediaTypes.add(mediaType);
                bodies.put(mediaType, body(mediaType, media, components));
            });
        }
        return new DocumentedResponse(code, status, List.copyOf(mediaTypes), bodies,
                ResponseHeaders.of(response.getHeaders(), components));
    }

    private static MediaBody body(String mediaType, MediaType media, Components components) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        if (media.getExamples() != null) {
            media.getExamples().forEach((name, example) -> {
                JsonNode value = exampleValue(example, components);
                if (value != null) {
                    named.put(name, value);
                }
            });
        }
        JsonNode example = media.getExample() != null ? Json.mapper().valueToTree(media.getExample()) : null;
        if (example == null && !named.isEmpty()) {
            example = named.values().iterator().next();
        }
        Schema<?> schema = media.getSchema();
        if (example == null && schema != null) {
            Schema<?> target = schema;
            if (schema.get$ref() != null && components.getSchemas() != null) {
                Schema<?> referenced = components.getSchemas().get(refName(schema.get$ref()));
                target = referenced != null ? referenced : schema;
            }
            if (target.getExamples() != null && !target.getExamples().isEmpty()) {
                example = Json.mapper().valueToTree(target.getExamples().get(0)); // 3.1's list
            } else if (target.getExample() != null) {
                example = Json.mapper().valueToTree(target.getExample());
            }
        }
        return new MediaBody(mediaType, example, named, schema, new MediaBody.RenderedCache());
    }

    private static JsonNode exampleValue(Example example, Components components) {
        Example resolved = example;
        if (example.get$ref() != null && components.getExamples() != null) {
            resolved = components.getExamples().get(refName(example.get$ref()));
        }
        return resolved == null || resolved.getValue() == null ? null
                : Json.mapper().valueToTree(resolved.getValue());
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static int statusOf(String code) {
        if (code.equals("default")) {
            return 200;
        }
        if (code.length() == 3 && code.toUpperCase().endsWith("XX")) {
            return (code.charAt(0) - '0') * 100;
        }
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 200;
        }
    }
}
