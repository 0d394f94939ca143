package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a resource's list answers, read from the list operation: the envelope (a bare array, or the object's array
 * property: Stripe's {@code {object: list, data, has_more, url}}, Twilio's {@code {messages, page, page_size,
 * next_page_uri …}}) and the paging its query parameters declare — a row cursor ({@code starting_after},
 * {@code ending_before}, {@code limit}), Twilio's pages ({@code Page}, {@code PageSize} with page links), offsets
 * ({@code offset}/{@code skip} or a 1-based {@code page}, with {@code limit}/{@code per_page}; a {@code limit} alone
 * caps the first page), or none (every row).
 * Page sizes are the limit parameter's {@code default} and {@code maximum} when it declares them.
 */
final class ListShape {
    private static final List<String> LIMIT_PARAMS = List.of("limit", "per_page", "perPage", "page_size", "pageSize",
            "PageSize", "size", "_limit", "max_results", "maxResults", "$top", "top");
    private static final List<String> STARTING_AFTER = List.of("starting_after", "startingAfter");
    private static final List<String> ENDING_BEFORE = List.of("ending_before", "endingBefore");
    private static final List<String> OFFSET_PARAMS = List.of("offset", "skip", "_start", "$skip", "start");
    private static final List<String> PAGE_PARAMS = List.of("page", "Page", "_page", "pageNumber", "page_number");
    private static final List<String> HAS_MORE = List.of("has_more", "hasMore");
    private static final List<String> TOTALS = List.of("total_count", "total", "totalCount", "total_results",
            "totalResults", "count");
    private static final List<String> SELF_LINKS = List.of("url", "uri", "href", "self");
    private static final int MAX_LIMIT = 100_000;

    private ListShape() {
    }

    /**
     * The list conventions for this operation (only what the spec shows is set), or empty when its answer holds no
     * array of rows (it is then not a list of this resource and keeps answering from the spec).
     */
    static Optional<ListStyle> of(ApiOperation list, ItemShape item, SchemaLookup schemas) {
        Schema<?> body = schemas.resolve(OperationBodies.schema(list));
        if (body == null) {
            return Optional.empty();
        }
        Map<String, Schema<?>> query = queryParameters(list);
        boolean bare = schemas.items(body) != null;
        Map<String, Schema<?>> envelope = bare ? Map.of() : schemas.properties(body);
        String dataField = bare ? null : dataField(envelope, item, schemas);
        if (!bare && dataField == null) {
            return Optional.empty();
        }
        String limit = first(LIMIT_PARAMS, query.keySet());
        String startingAfter = first(STARTING_AFTER, query.keySet());
        String endingBefore = first(ENDING_BEFORE, query.keySet());
        String offset = first(OFFSET_PARAMS, query.keySet());
        String page = first(PAGE_PARAMS, query.keySet());
        Map<String, String> pageFields = pageFields(envelope);
        boolean pageLinks = pageFields.values().stream().anyMatch(java.util.Objects::nonNull);

        ListStyle.Style style;
        int defaultLimit;
        int maxLimit;
        if (!bare && (startingAfter != null || endingBefore != null)) {
            style = ListStyle.Style.CURSOR;
            defaultLimit = 10;
            maxLimit = 100;
        } else if (!bare && page != null && pageLinks) {
            style = ListStyle.Style.PAGE;
            defaultLimit = 50;
            maxLimit = 1000;
        } else if (offset != null || page != null || limit != null) {
            style = ListStyle.Style.OFFSET;
            defaultLimit = 0;
            maxLimit = MAX_LIMIT;
        } else {
            style = ListStyle.Style.NONE;
            defaultLimit = 0;
            maxLimit = MAX_LIMIT;
        }
        Schema<?> limitSchema = limit == null ? null : schemas.resolve(query.get(limit));
        boolean unpaged = style == ListStyle.Style.OFFSET || style == ListStyle.Style.NONE;
        if (limitSchema != null && style != ListStyle.Style.NONE) {
            maxLimit = bounded(limitSchema.getMaximum(), maxLimit, 1);
            int declared = limitSchema.getDefault() instanceof Number n ? n.intValue() : defaultLimit;
            defaultLimit = Math.max(unpaged ? 0 : 1, Math.min(declared, maxLimit));
        }

        Set<String> used = new LinkedHashSet<>();
        if (dataField != null) {
            used.add(dataField);
        }
        String hasMore = first(HAS_MORE, envelope.keySet());
        String total = first(TOTALS, envelope.keySet());
        String limitField = style == ListStyle.Style.OFFSET && limit != null ? first(List.of(limit, "limit"),
                envelope.keySet()) : null;
        String offsetField = style == ListStyle.Style.OFFSET && offset != null ? first(List.of(offset, "offset",
                "skip"), envelope.keySet()) : null;
        for (String field : new String[] {hasMore, total, limitField, offsetField}) {
            if (field != null) {
                used.add(field);
            }
        }
        if (style == ListStyle.Style.PAGE) {
            pageFields.values().stream().filter(java.util.Objects::nonNull).forEach(used::add);
        }
        ObjectNode extra = extraFields(envelope, used, schemas);

        return Optional.of(new ListStyle(style, dataField, extra, total == null, total,
                defaultLimit, maxLimit,
                style == ListStyle.Style.OFFSET && limit == null ? "limit" : limit,
                startingAfter, endingBefore, hasMore,
                page, style == ListStyle.Style.PAGE ? limit : null,
                style == ListStyle.Style.PAGE ? pageFields : null,
                bare, unpaged ? ListStyle.Order.OLDEST_FIRST : ListStyle.Order.NEWEST_FIRST,
                offset, null, null, null, null, limitField, offsetField));
    }

    private static Map<String, Schema<?>> queryParameters(ApiOperation list) {
        Map<String, Schema<?>> query = new LinkedHashMap<>();
        List<Parameter> parameters = list.operation() == null ? null : list.operation().getParameters();
        if (parameters != null) {
            for (Parameter parameter : parameters) {
                if ("query".equals(parameter.getIn()) && parameter.getName() != null) {
                    query.put(parameter.getName(), parameter.getSchema());
                }
            }
        }
        return query;
    }

    /** The envelope's array of rows: the one holding the item's schema, else its only array. */
    private static String dataField(Map<String, Schema<?>> envelope, ItemShape item, SchemaLookup schemas) {
        String only = null;
        int arrays = 0;
        for (Map.Entry<String, Schema<?>> property : envelope.entrySet()) {
            Schema<?> array = schemas.resolve(property.getValue());
            if (array == null || !"array".equals(SchemaLookup.type(array))) {
                continue;
            }
            arrays++;
            only = property.getKey();
            String itemsRef = SchemaLookup.refName(array.getItems());
            if (itemsRef != null && itemsRef.equals(item.schemaName())) {
                return property.getKey();
            }
        }
        return arrays == 1 ? only : null;
    }

    /** Twilio's page fields, each mapped to the envelope property of its name, or null when the envelope has none. */
    private static Map<String, String> pageFields(Map<String, Schema<?>> envelope) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String internal : List.of("page", "pageSize", "firstPageUri", "previousPageUri", "nextPageUri", "uri",
                "start", "end")) {
            fields.put(internal, FieldNames.match(FieldNames.snake(internal), envelope.keySet()));
        }
        if (fields.get("firstPageUri") == null && fields.get("nextPageUri") == null
                && fields.get("previousPageUri") == null) {
            fields.replaceAll((internal, field) -> null);
        }
        return fields;
    }

    /** Constant envelope fields: a single-valued enum ({@code object: list}), a link to the list itself. */
    private static ObjectNode extraFields(Map<String, Schema<?>> envelope, Set<String> used, SchemaLookup schemas) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        envelope.forEach((name, property) -> {
            if (used.contains(name)) {
                return;
            }
            Schema<?> resolved = schemas.resolve(property);
            if (resolved != null && resolved.getEnum() != null && resolved.getEnum().size() == 1
                    && resolved.getEnum().get(0) instanceof String constant) {
                extra.put(name, constant);
            } else if (SELF_LINKS.contains(name) && resolved != null && "string".equals(SchemaLookup.type(resolved))) {
                extra.put(name, "{{request.path}}");
            }
        });
        return extra;
    }

    private static String first(List<String> candidates, Set<String> present) {
        for (String candidate : candidates) {
            if (present.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int bounded(BigDecimal declared, int fallback, int min) {
        if (declared == null) {
            return fallback;
        }
        return Math.max(min, Math.min(MAX_LIMIT, declared.intValue()));
    }
}
