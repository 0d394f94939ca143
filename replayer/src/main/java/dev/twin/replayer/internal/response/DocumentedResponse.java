package dev.twin.replayer.internal.response;

import java.util.List;
import java.util.Map;

/**
 * One documented response of an operation, ready to render.
 *
 * @param code       the key in the spec ({@code 200}, {@code 2XX}, {@code default})
 * @param status     the status to send when this response is chosen without {@code Prefer: code}
 * @param mediaTypes documented media types in spec order (empty for a response without a body)
 * @param bodies     the body for each media type
 * @param headers    declared response headers and their values
 */
record DocumentedResponse(String code, int status, List<String> mediaTypes, Map<String, MediaBody> bodies,
                          ResponseHeaders headers) {
}
