package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One successful write: the request body as sent (typed like a form value) and the JSON answer.
 *
 * @param readBack true when the write answered no body and {@code answer} is the next read of the row: the row as
 *                 stored, never an acknowledgement
 */
public record WriteSample(JsonNode input, JsonNode answer, boolean readBack) {
    public WriteSample(JsonNode input, JsonNode answer) {
        this(input, answer, false);
    }
}
