package dev.twin.inference.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.operation.OperationStats;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls of one action endpoint, in recorded order (bounded), collected while the rows are followed through
 * the recording so that each call's row-before is known.
 */
public final class ActionEvidence {
    private static final int MAX_SAMPLES = 64;

    private final OperationStats op;
    private final String verb;
    private final List<ActionSample> samples = new ArrayList<>();
    private long unknownBefore;

    public ActionEvidence(OperationStats op, String verb) {
        this.op = op;
        this.verb = verb;
    }

    /** @param before the row as last seen, or null when the recording never showed it before this call */
    public void add(JsonNode before, JsonNode input, int status, JsonNode answer, long epochSecond) {
        if (before == null || !before.isObject()) {
            unknownBefore++;
            return;
        }
        if (samples.size() < MAX_SAMPLES) {
            samples.add(new ActionSample(((ObjectNode) before).deepCopy(),
                    input != null && input.isObject() ? (ObjectNode) input : JsonNodeFactory.instance.objectNode(),
                    status, answer, epochSecond));
        }
    }

    public OperationStats op() {
        return op;
    }

    public String verb() {
        return verb;
    }

    List<ActionSample> samples() {
        return samples;
    }

    long unknownBefore() {
        return unknownBefore;
    }
}
