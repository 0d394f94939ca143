package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;

/** One successful write: the request body as sent (typed like a form value) and the JSON answer. */
public record WriteSample(JsonNode input, JsonNode answer) {
}
