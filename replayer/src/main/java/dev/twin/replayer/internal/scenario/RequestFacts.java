package dev.twin.replayer.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.validation.DecodedRequest;
import org.apache.commons.jexl3.MapContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What scenario conditions, {@code set} expressions and templates can read about one request: {@code input} (path
 * parameters, query and body merged, as custom operations see it), {@code body}, {@code query}, {@code headers}
 * (lower-case names, first value), {@code tenant}, {@code operation} (the namespaced id) and {@code row} (the
 * stored row the request's id names, read only when an expression asks for it; null for unbound operations) and
 * {@code magic} (the {@code magicValues} catalogues).
 */
final class RequestFacts {
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Supplier<Object> row;
    private boolean rowRead;

    RequestFacts(RoutedRequest routed, DecodedRequest decoded, String tenant, Supplier<Object> row,
                 Map<String, Map<String, Object>> magic) {
        this.row = row;
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        routed.pathParams().forEach(input::put);
        routed.request().query().forEach((name, values) -> {
            if (!values.isEmpty() && !name.contains("[")) {
                input.put(name, values.get(0));
            }
        });
        decoded.queryParams().forEach(input::set);
        JsonNode body = decoded.body();
        if (body instanceof ObjectNode object) {
            input.setAll(object);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        routed.request().headers().forEach((name, values) ->
                headers.put(name, values.isEmpty() ? null : values.get(0)));
        Map<String, Object> query = new LinkedHashMap<>();
        routed.request().query().forEach((name, values) -> query.put(name, values.isEmpty() ? null : values.get(0)));
        variables.put("input", PlainValues.toPlain(input));
        variables.put("body", PlainValues.toPlain(body));
        variables.put("query", query);
        variables.put("headers", headers);
        variables.put("tenant", tenant);
        variables.put("operation", routed.operation().id());
        variables.put("row", null);
        variables.put("magic", magic);
    }

    /** The JEXL context; {@code row} is read from the store the first time this is asked with {@code needsRow}. */
    MapContext context(boolean needsRow) {
        if (needsRow && !rowRead) {
            rowRead = true;
            variables.put("row", row.get());
        }
        return new MapContext(variables);
    }

    /** Binds {@code row} to a row read elsewhere (the one an operation just wrote). */
    void row(Object value) {
        rowRead = true;
        variables.put("row", value);
    }

    /** The model for Handlebars templates ({@code {{input.To}}}), with extra entries such as {@code result}. */
    Map<String, Object> model(Map<String, Object> extra) {
        Map<String, Object> model = new LinkedHashMap<>(variables);
        model.putAll(extra);
        return model;
    }
}
