package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.response.Answer;
import dev.twin.replayer.internal.response.AnswerSource;
import dev.twin.replayer.internal.response.SpecResponder;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.generate.BodyGenerator;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies the spec alone answers for an operation, as the stateless twin would send them (the documented
 * example first, else a body generated from the schema): what a new row, a delete answer or a not-found error of a
 * resource look like. Asked once per operation at start-up, never per request.
 */
final class SpecAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpecResponder responder = new SpecResponder();
    private final BodyGenerator generator;
    private final SchemaLookup schemas;
    private final Map<String, Optional<Body>> errorBodies = new java.util.HashMap<>();

    SpecAnswers(Components components, SchemaLookup schemas) {
        this.generator = new BodyGenerator(components);
        this.schemas = schemas;
    }

    /** A JSON body and whether it was generated rather than written in the spec. */
    record Body(JsonNode json, boolean generated) {
    }

    /** The body of the operation's usual (lowest 2xx) answer, when it is JSON. */
    Optional<Body> usual(ApiOperation operation) {
        return body(operation, null);
    }

    /**
     * As {@link #usual(ApiOperation)}; when the spec has no example and documents a choice ({@code anyOf} a card,
     * a bank account …), the body is generated from {@code branch}, the choice that fits the resource.
     */
    Optional<Body> usual(ApiOperation operation, Schema<?> branch) {
        Optional<Body> answer = usual(operation);
        Schema<?> documented = schemas.resolve(OperationBodies.schema(operation));
        boolean choice = documented != null && (documented.getAnyOf() != null || documented.getOneOf() != null);
        if (branch == null || !choice || answer.isPresent() && !answer.get().generated()) {
            return answer;
        }
        try {
            return Optional.of(new Body(generator.generate(branch, operation.id().hashCode()), true));
        } catch (RuntimeException unreadable) {
            return answer;
        }
    }

    /**
     * The body documented for this status (exact, its {@code 4XX} range, else {@code default}), when JSON. Operations
     * sharing one error schema (all of Stripe's) share the body generated for the first of them.
     */
    Optional<Body> forStatus(ApiOperation operation, int status) {
        var response = OperationBodies.forStatus(operation, status);
        String shared = response == null ? null : SchemaLookup.refName(SchemaLookup.bodySchema(response.getContent()));
        if (shared != null && errorBodies.containsKey(shared)) {
            return errorBodies.get(shared);
        }
        Optional<Body> body = body(operation, "code=" + status);
        if (shared != null) {
            errorBodies.put(shared, body);
        }
        return body;
    }

    private Optional<Body> body(ApiOperation operation, String prefer) {
        Map<String, List<String>> headers = prefer == null ? Map.of("accept", List.of("application/json"))
                : Map.of("accept", List.of("application/json"), "prefer", List.of(prefer));
        TwinRequest request = new TwinRequest(operation.method(), operation.pathTemplate(), null, Map.of(), headers,
                null, "127.0.0.1");
        Answer answer;
        try {
            answer = responder.respond(new RoutedRequest(request, operation, Map.of()));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the spec's problem; the stateless answer reports it when asked
        }
        String type = answer.response().header("Content-Type");
        if (answer.source() == AnswerSource.ERROR || answer.response().body().length == 0 || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Body(JSON.readTree(answer.response().body()),
                    answer.source() == AnswerSource.GENERATED));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
