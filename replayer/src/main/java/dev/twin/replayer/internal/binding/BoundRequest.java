package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.validation.BodyFormat;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.List;
import java.util.Map;

/**
 * A request for a bound operation, with what every action needs already picked out.
 *
 * @param id            the row id from the bound path parameter, or null (list, create)
 * @param parentParams  the other path parameters (Twilio's {@code AccountSid}), by name
 * @param expand        {@code expand[]} paths from the query and the body
 */
record BoundRequest(RoutedRequest routed, DecodedRequest decoded, String id, Map<String, String> parentParams,
                    List<String> expand) {

    /** The decoded body as an object, without request directives such as {@code expand}. */
    ObjectNode fields() {
        ObjectNode body = decoded.bodyObject();
        body.remove("expand");
        return body;
    }

    boolean isForm() {
        return decoded.bodyFormat() == BodyFormat.FORM || decoded.bodyFormat() == BodyFormat.MULTIPART;
    }
}
