package dev.twin.inference.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One recorded call of an action on a row: the row as last seen before it, what the client sent, and what the
 * server answered (the row after, for a success; the error body, for a failure).
 *
 * @param epochSecond when the call was recorded, for fields set to the server's clock
 */
record ActionSample(ObjectNode before, ObjectNode input, int status, JsonNode answer, long epochSecond) {
    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
