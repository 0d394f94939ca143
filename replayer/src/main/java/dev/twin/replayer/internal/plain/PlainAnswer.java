package dev.twin.replayer.internal.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.Answer;
import dev.twin.replayer.internal.response.AnswerSource;
import dev.twin.replayer.internal.validation.BodyFormat;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one operation answers a <em>plain</em> request — no query string, no body, no Content-Type, no
 * {@code Prefer}, an {@code Accept} from a known set, credentials present — worked out by the full validator and
 * responder of an earlier launch. Such a request is valid and gets {@link #response()}, so a later launch answers
 * it without building the operation's swagger model, validator or generated body.
 *
 * @param operationId   the namespaced operation id
 * @param security      the credential alternatives (any one satisfied suffices); empty = anyone may call
 * @param acceptValues  the {@code Accept} headers known to give this response ("" = no Accept header)
 * @param decoded       the media type, format and body the validator decodes from an empty request body
 * @param response      the answer: status, headers and body bytes
 * @param source        where the body came from (spec example or generated)
 */
public record PlainAnswer(String operationId, List<List<Credential>> security, Set<String> acceptValues,
                          DecodedBody decoded, TwinResponse response, AnswerSource source) {

    public PlainAnswer {
        Objects.requireNonNull(operationId, "operationId");
        security = security.stream().map(List::copyOf).toList();
        acceptValues = Set.copyOf(acceptValues);
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(source, "source");
    }

    /** Where one credential is looked for: a header or a query parameter (by its name). */
    public record Credential(boolean inHeader, String name) {
        boolean presentIn(TwinRequest request) {
            if (inHeader) {
                String value = request.header(name);
                return value != null && !value.isBlank();
            }
            return request.query().containsKey(name);
        }
    }

    /** What decoding makes of the empty body of a plain request. */
    public record DecodedBody(String mediaType, BodyFormat format, JsonNode body) {
        public DecodedBody {
            Objects.requireNonNull(format, "format");
        }
    }

    /** Whether {@code request} is a plain request this answer holds for. */
    public boolean fits(TwinRequest request) {
        if (!request.query().isEmpty() || (request.rawQuery() != null && !request.rawQuery().isEmpty())
                || request.body().length > 0 || request.header("content-type") != null
                || request.header("prefer") != null) {
            return false;
        }
        String accept = request.header("accept");
        return acceptValues.contains(accept == null ? "" : accept) && credentialsPresent(request);
    }

    /** The request as the operation's decoder would type it (nothing declared was sent). */
    public DecodedRequest decode(TwinRequest request) {
        JsonNode body = decoded.body() == null ? null : decoded.body().deepCopy();
        return new DecodedRequest(request, Map.of(), Map.of(), Map.of(), Map.of(), decoded.mediaType(),
                decoded.format(), body, List.of());
    }

    public Answer answer() {
        return Answer.of(response, source);
    }

    boolean credentialsPresent(TwinRequest request) {
        if (security.isEmpty()) {
            return true;
        }
        for (List<Credential> alternative : security) {
            if (alternative.stream().allMatch(credential -> credential.presentIn(request))) {
                return true;
            }
        }
        return false;
    }
}
