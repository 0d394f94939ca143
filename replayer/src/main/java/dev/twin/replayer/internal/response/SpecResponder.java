package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.generate.BodyGenerator;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.validation.Violation;
import io.swagger.v3.oas.models.Components;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers a routed request from the spec: the documented response (or the one {@code Prefer: code} asks for),
 * the media type {@code Accept} allows, its example or a body generated from the schema, declared headers, and
 * path parameters echoed into the body. Everything about an operation is worked out on its first request and
 * reused, so a repeated request costs a map lookup plus, with path parameters, one small copy.
 */
public final class SpecResponder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** On a documented error response answering a refused request: the first violation, as a line of text. */
    public static final String VIOLATION_HEADER = "Twin-Violation";
    private static final int MAX_VIOLATION_LINE = 512;

    private final Map<String, OperationResponses> operations = new ConcurrentHashMap<>();
    private final Map<String, BodyGenerator> generators = new ConcurrentHashMap<>();

    public Answer respond(RoutedRequest routed) {
        ApiOperation operation = routed.operation();
        OperationResponses responses = responses(operation);
        String preferHeader = routed.request().header("prefer");
        if (preferHeader == null) {
            Answer usual = usualAnswer(routed, responses);
            if (usual != null) {
                return usual;
            }
        }
        Prefer prefer = Prefer.parse(preferHeader);
        DocumentedResponse documented = prefer.code() == null ? responses.preferred()
                : responses.forStatus(prefer.code());
        if (documented == null) {
            return Answer.of(prefer.code() == null ? ProblemDetails.nothingDocumented(operation)
                    : ProblemDetails.of(Rejection.INVALID, List.of(new Violation("Prefer", Violation.HEADER,
                    operation.method() + " " + operation.pathTemplate() + " documents no response for code="
                            + prefer.code() + "; documented: " + responses.codes() + "."))), AnswerSource.ERROR);
        }
        int status = prefer.code() != null ? prefer.code() : documented.status();
        BodyGenerator generator = generator(operation);
        Map<String, String> headers = new LinkedHashMap<>(headerValues(documented, operation, prefer.example()));
        if (documented.mediaTypes().isEmpty()) {
            return Answer.of(new TwinResponse(status, headers, new byte[0]), AnswerSource.SPEC_EXAMPLE);
        }
        String accept = routed.request().header("accept");
        String mediaType = ContentNegotiation.choose(accept, documented.mediaTypes());
        if (mediaType == null) {
            return Answer.of(notAcceptable(routed, accept, documented.mediaTypes()), AnswerSource.ERROR);
        }
        headers.put("Content-Type", concrete(mediaType));
        MediaBody body = documented.bodies().get(mediaType);
        Components components = operation.components();

        MediaBody.Rendered rendered;
        if (prefer.example() != null) {
            JsonNode example = body.namedExamples().get(prefer.example());
            if (example == null) {
                return Answer.of(ErrorResponses.error(404, "not_found", operation.id() + " has no example named '"
                        + prefer.example() + "' for " + status + " " + mediaType + "; documented: "
                        + body.namedExamples().keySet() + ".", null), AnswerSource.ERROR);
            }
            rendered = render(example, body, components, AnswerSource.SPEC_EXAMPLE);
        } else if (prefer.dynamic() && body.schema() != null) {
            rendered = render(generator.generate(body.schema(), ThreadLocalRandom.current().nextLong()), body,
                    components, AnswerSource.GENERATED);
        } else {
            rendered = defaultBody(operation, documented, body, generator);
        }
        byte[] bytes = rendered.bytes();
        if (!routed.pathParams().isEmpty() && isJson(mediaType)) {
            JsonNode echoed = PathParameterEcho.apply(rendered.node(), operation.pathParameterNames(),
                    routed.pathParams(), field -> body.propertySchema(field, operation));
            if (echoed != rendered.node()) {
                bytes = serialize(echoed, mediaType);
            }
        }
        return Answer.of(new TwinResponse(status, headers, bytes), rendered.source());
    }

    /**
     * The answer to a request the operation refuses: the response it documents for that (see {@link Rejection}),
     * with its example or a body generated from its schema and its declared headers; else an RFC 9457 problem
     * naming every violation.
     */
    public TwinResponse reject(RoutedRequest routed, Rejection rejection, List<Violation> violations) {
        ApiOperation operation = routed.operation();
        OperationResponses.Refusal refusal = responses(operation).forRejection(rejection);
        if (refusal == null) {
            return ProblemDetails.of(rejection, violations);
        }
        DocumentedResponse documented = refusal.response();
        BodyGenerator generator = generator(operation);
        Map<String, String> headers = new LinkedHashMap<>(headerValues(documented, operation, null));
        // the documented body says nothing of this request: the header tells the developer what was refused
        headers.put(VIOLATION_HEADER, violationLine(violations.get(0)));
        if (documented.mediaTypes().isEmpty()) {
            return new TwinResponse(refusal.status(), headers, new byte[0]);
        }
        // an error answers in a documented type even when Accept names none of them: a 406 would hide the error
        String mediaType = ContentNegotiation.choose(routed.request().header("accept"), documented.mediaTypes());
        if (mediaType == null) {
            mediaType = ContentNegotiation.preferJson(documented.mediaTypes());
        }
        headers.put("Content-Type", concrete(mediaType));
        MediaBody body = documented.bodies().get(mediaType);
        return new TwinResponse(refusal.status(), headers, defaultBody(operation, documented, body, generator).bytes());
    }

    /** {@code limit (query): Invalid integer: lots.} in printable ASCII, for a header line. */
    private static String violationLine(Violation violation) {
        String line = violation.param() + " (" + violation.location() + "): " + violation.reason();
        StringBuilder ascii = new StringBuilder(Math.min(line.length(), MAX_VIOLATION_LINE));
        for (int i = 0; i < line.length() && ascii.length() < MAX_VIOLATION_LINE; i++) {
            char c = line.charAt(i);
            ascii.append(c >= ' ' && c <= '~' ? c : '?');
        }
        return ascii.toString();
    }

    private TwinResponse notAcceptable(RoutedRequest routed, String accept, List<String> available) {
        return reject(routed, Rejection.NOT_ACCEPTABLE, List.of(new Violation("Accept", Violation.HEADER,
                "Nothing documented matches Accept: " + accept + "; available: " + String.join(", ", available)
                        + ".")));
    }

    private OperationResponses responses(ApiOperation operation) {
        OperationResponses responses = operations.get(operation.id());
        return responses != null ? responses
                : operations.computeIfAbsent(operation.id(), id -> OperationResponses.of(operation));
    }

    /**
     * The answer to a request without {@code Prefer}, as the general path below would build it, from what was
     * worked out for the same {@code Accept} before: the response headers and default body are computed once per
     * operation and Accept value, so only path parameters are looked at per request. Null when the general path
     * must answer (nothing documented, nothing acceptable).
     */
    private Answer usualAnswer(RoutedRequest routed, OperationResponses responses) {
        String accept = routed.request().header("accept");
        UsualAnswer remembered = responses.usual(accept);
        if (remembered == null) {
            remembered = prepareUsual(routed.operation(), responses, accept);
            if (remembered == null) {
                return null;
            }
            responses.rememberUsual(accept, remembered);
        }
        UsualAnswer usual = remembered;
        if (usual.body() != null && !routed.pathParams().isEmpty() && isJson(usual.mediaType())) {
            ApiOperation operation = routed.operation();
            JsonNode echoed = PathParameterEcho.apply(usual.rendered().node(), operation.pathParameterNames(),
                    routed.pathParams(), field -> usual.body().propertySchema(field, operation));
            if (echoed != usual.rendered().node()) {
                TwinResponse plain = usual.answer().response();
                return Answer.of(new TwinResponse(plain.status(), plain.headers(),
                        serialize(echoed, usual.mediaType())), usual.answer().source());
            }
        }
        return usual.answer();
    }

    private UsualAnswer prepareUsual(ApiOperation operation, OperationResponses responses, String accept) {
        DocumentedResponse documented = responses.preferred();
        if (documented == null) {
            return null;
        }
        BodyGenerator generator = generator(operation);
        Map<String, String> headers = new LinkedHashMap<>(headerValues(documented, operation, null));
        if (documented.mediaTypes().isEmpty()) {
            return new UsualAnswer(null, null, null, Answer.of(new TwinResponse(documented.status(), headers,
                    new byte[0]), AnswerSource.SPEC_EXAMPLE));
        }
        String mediaType = ContentNegotiation.choose(accept, documented.mediaTypes());
        if (mediaType == null) {
            return null;
        }
        headers.put("Content-Type", concrete(mediaType));
        MediaBody body = documented.bodies().get(mediaType);
        MediaBody.Rendered rendered = defaultBody(operation, documented, body, generator);
        return new UsualAnswer(mediaType, body, rendered, Answer.of(new TwinResponse(documented.status(), headers,
                rendered.bytes()), rendered.source()));
    }

    private MediaBody.Rendered defaultBody(ApiOperation operation, DocumentedResponse documented, MediaBody body,
                                           BodyGenerator generator) {
        MediaBody.Rendered cached = body.cache().value;
        if (cached == null) {
            if (body.example() != null) {
                cached = render(body.example(), body, operation.components(), AnswerSource.SPEC_EXAMPLE);
            } else if (body.schema() != null) {
                long seed = seed(operation.id(), documented.code(), body.mediaType());
                cached = render(generator.generate(body.schema(), seed), body, operation.components(),
                        AnswerSource.GENERATED);
            } else {
                cached = new MediaBody.Rendered(null, new byte[0], AnswerSource.SPEC_EXAMPLE);
            }
            body.cache().value = cached;
        }
        return cached;
    }

    /** The documented headers' values, worked out once per response; a named example's where one is asked for. */
    private Map<String, String> headerValues(DocumentedResponse documented, ApiOperation operation,
                                             String exampleName) {
        if (documented.headers().isEmpty()) {
            return Map.of();
        }
        return documented.headers().values(generator(operation), name -> seed(operation.id(), "header", name),
                exampleName);
    }

    private BodyGenerator generator(ApiOperation operation) {
        return generators.computeIfAbsent(operation.namespace(), ns -> new BodyGenerator(operation.components()));
    }

    /** The usual answer of an operation for one Accept value; {@code body} is null when nothing is documented. */
    record UsualAnswer(String mediaType, MediaBody body, MediaBody.Rendered rendered, Answer answer) {
    }

    /** A body in its media type: XML as the schema's {@code xml} objects say, text as is, else JSON. */
    private static MediaBody.Rendered render(JsonNode node, MediaBody body, Components components,
                                             AnswerSource source) {
        byte[] bytes = XmlBody.isXml(body.mediaType()) && !node.isTextual()
                ? XmlBody.write(node, body.schema(), components) : serialize(node, body.mediaType());
        return new MediaBody.Rendered(node, bytes, source);
    }

    private static byte[] serialize(JsonNode node, String mediaType) {
        if (node.isTextual() && !isJson(mediaType)) {
            return node.textValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response body", e);
        }
    }

    static boolean isJson(String mediaType) {
        String lower = mediaType.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/json") || lower.contains("+json") || lower.equals("*/*");
    }

    /** A documented wildcard such as {@code application/*} cannot be sent as a Content-Type. */
    private static String concrete(String mediaType) {
        if (mediaType.equals("*/*")) {
            return "application/json";
        }
        return mediaType.endsWith("/*") ? mediaType.substring(0, mediaType.length() - 1) + "octet-stream" : mediaType;
    }

    private static long seed(String... parts) {
        long hash = 1125899906842597L;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                hash = 31 * hash + part.charAt(i);
            }
            hash = 31 * hash + '|';
        }
        return hash;
    }
}
