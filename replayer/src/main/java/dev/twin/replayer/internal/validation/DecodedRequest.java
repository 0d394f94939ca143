package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request with its declared parameters and its body typed by the operation's schemas. Values that do not fit
 * their schema are kept as sent (usually a string) so that validation can say what is wrong with them.
 *
 * @param request      the request as received
 * @param pathParams   declared path parameters by name, typed ({@code 42} for an integer id)
 * @param queryParams  declared query parameters that were sent, by declared name ({@code created} holds
 *                     {@code {"gte": 1}} for {@code created[gte]=1}; {@code expand} holds an array)
 * @param headerParams declared header parameters that were sent, by lower-case name
 * @param cookieParams declared cookie parameters that were sent, by declared name
 * @param mediaType    the body's media type without parameters, lower case, or null when there is no body
 * @param bodyFormat   how the body was decoded
 * @param body         the decoded body for JSON and form bodies, null for none or raw bodies
 * @param problems     what made decoding impossible (malformed JSON, an unsupported media type); reported by
 *                     validation before anything else
 * @param overLimit    the request limit it exceeds (nesting depth, number of parameters), or null; such a request
 *                     is not decoded at all and is refused whatever the validation mode
 */
public record DecodedRequest(TwinRequest request, Map<String, JsonNode> pathParams,
                             Map<String, JsonNode> queryParams, Map<String, JsonNode> headerParams,
                             Map<String, JsonNode> cookieParams, String mediaType, BodyFormat bodyFormat,
                             JsonNode body, List<Violation> problems, Violation overLimit) {
    public DecodedRequest {
        Objects.requireNonNull(request, "request");
        pathParams = Map.copyOf(pathParams);
        queryParams = Map.copyOf(queryParams);
        headerParams = Map.copyOf(headerParams);
        cookieParams = Map.copyOf(cookieParams);
        Objects.requireNonNull(bodyFormat, "bodyFormat");
        problems = List.copyOf(problems);
    }

    public DecodedRequest(TwinRequest request, Map<String, JsonNode> pathParams, Map<String, JsonNode> queryParams,
                          Map<String, JsonNode> headerParams, Map<String, JsonNode> cookieParams, String mediaType,
                          BodyFormat bodyFormat, JsonNode body, List<Violation> problems) {
        this(request, pathParams, queryParams, headerParams, cookieParams, mediaType, bodyFormat, body, problems,
                null);
    }

    /** A request refused before decoding because it exceeds a request limit. */
    static DecodedRequest overLimit(TwinRequest request, Violation exceeded) {
        return new DecodedRequest(request, Map.of(), Map.of(), Map.of(), Map.of(), null, BodyFormat.NONE, null,
                List.of(), Objects.requireNonNull(exceeded, "exceeded"));
    }

    /** The body as an object for creates and updates: the decoded body if it is an object, else a new empty one. */
    public ObjectNode bodyObject() {
        return body instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
    }
}
