package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.validation.Violation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem ({@code application/problem+json}) for a refusal the operation documents no response for,
 * as spec mocks answer: {@code type}, {@code title}, {@code status}, {@code detail}, and every violation with the
 * parameter, where it was sent and why it was refused.
 */
final class ProblemDetails {
    static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemDetails() {
    }

    static TwinResponse of(Rejection rejection, List<Violation> violations) {
        ObjectNode problem = JSON.createObjectNode();
        // about:blank: the problem is what its status says, as RFC 9457 section 4.2.1 defines it
        problem.put("type", "about:blank");
        problem.put("title", rejection.title());
        problem.put("status", rejection.status());
        problem.put("detail", detail(violations));
        ArrayNode all = problem.putArray("violations");
        for (Violation violation : violations) {
            all.addObject().put("parameter", violation.param()).put("location", violation.location())
                    .put("reason", violation.reason());
        }
        try {
            return new TwinResponse(rejection.status(), Map.of("Content-Type", MEDIA_TYPE),
                    JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }

    /**
     * The answer of an operation that documents no response at all (OpenAPI 3.1 lets {@code responses} out, 3.0
     * writers leave it empty): 501, because the request may be right and only the spec is silent on what it
     * answers; the problem says which operation and what would fix it.
     */
    static TwinResponse nothingDocumented(ApiOperation operation) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", "Not Implemented");
        problem.put("status", 501);
        problem.put("detail", operation.method() + " " + operation.pathTemplate() + " (" + operation.id()
                + ") documents no response, so the twin cannot tell what it answers; document one in the spec"
                + " (a 200 with its body, a 204, or default) or bind the operation in twin.yaml.");
        try {
            return new TwinResponse(501, Map.of("Content-Type", MEDIA_TYPE), JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }

    private static String detail(List<Violation> violations) {
        if (violations.size() == 1) {
            return violations.get(0).reason();
        }
        return violations.size() + " problems: " + violations.stream().map(v -> v.param() + ": " + v.reason())
                .collect(Collectors.joining("; "));
    }
}
