package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A non-CRUD operation ({@code customOperations:}): steps applied all or none, then a response.
 *
 * @param response            as written: one expression string, or an object whose string leaves are expressions
 * @param responseExpressions every expression in {@code response}, keyed by JSON Pointer inside it
 *                            ({@code ""} when the whole response is one expression, {@code /amount} for a field)
 */
public record CustomOperation(String name, List<Step> steps, JsonNode response,
                              Map<String, Expression> responseExpressions, SourceLocation location) {
    public CustomOperation {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        response = response.deepCopy();
        responseExpressions = Map.copyOf(responseExpressions);
    }
}
