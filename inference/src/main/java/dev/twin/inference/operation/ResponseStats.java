package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.schema.ShapeAggregate;

/** All responses of one status of one operation. */
public final class ResponseStats {
    long count;
    long json;
    long empty;
    long other;
    String otherContentType;
    final ShapeAggregate body = new ShapeAggregate();
    JsonNode firstJson;

    public long count() {
        return count;
    }

    public boolean hasJson() {
        return json > 0;
    }

    public boolean alwaysEmpty() {
        return empty == count;
    }

    public String otherContentType() {
        return other > 0 ? otherContentType : null;
    }

    /** The first JSON body recorded with this status (unscrubbed), or null. */
    public JsonNode firstJson() {
        return firstJson;
    }

    public ShapeAggregate body() {
        return body;
    }
}
