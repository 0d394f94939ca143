package dev.twin.inference.operation;

import dev.twin.inference.schema.ShapeAggregate;

/** All responses of one status of one operation. */
public final class ResponseStats {
    long count;
    long json;
    long empty;
    long other;
    String otherContentType;
    final ShapeAggregate body = new ShapeAggregate();

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

    public ShapeAggregate body() {
        return body;
    }
}
