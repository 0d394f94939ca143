package dev.twin.inference.resource;

import dev.twin.inference.operation.OperationStats;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paging and sorting parameters a list operation's clients sent, recognised by the names APIs use for them
 * ({@code _limit}, {@code $limit}, {@code per_page}; {@code _start}, {@code $skip}, {@code offset};
 * {@code _page}, {@code page}; {@code _sort}, {@code $sort}; {@code _order}). Null when none was sent.
 */
public record QueryParams(String limit, String offset, String page, String sort, String order) {
    static final QueryParams NONE = new QueryParams(null, null, null, null, null);

    private static final List<String> LIMIT = List.of("_limit", "$limit", "limit", "per_page", "perPage", "page_size",
            "pageSize", "size");
    private static final List<String> OFFSET = List.of("_start", "$skip", "skip", "offset", "start");
    private static final List<String> PAGE = List.of("_page", "page", "page_number", "pageNumber");
    private static final List<String> SORT = List.of("_sort", "$sort", "sort", "sort_by", "sortBy", "order_by",
            "orderBy", "ordering");
    private static final List<String> ORDER = List.of("_order", "order", "sort_order", "sortOrder", "direction");

    static QueryParams of(OperationStats list) {
        Set<String> seen = list.query().properties().keySet();
        return new QueryParams(first(LIMIT, seen), first(OFFSET, seen), first(PAGE, seen), first(SORT, seen),
                first(ORDER, seen));
    }

    /** Offset or page numbers (not Stripe's cursors, nor Twilio's Page/PageSize) were sent. */
    boolean offsetStyle() {
        return offset != null || page != null || (limit != null && !limit.equals("limit"))
                || (sort != null && !sort.equals("sort"));
    }

    void writeTo(Map<String, Object> convention) {
        put(convention, "limitParam", limit);
        put(convention, "offsetParam", offset);
        put(convention, "pageParam", page);
        put(convention, "sortParam", sort);
        put(convention, "orderParam", order);
    }

    /** The parameters named. */
    Set<String> names() {
        Set<String> names = new java.util.HashSet<>();
        for (String name : new String[] {limit, offset, page, sort, order}) {
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {limit, offset, page, sort, order}) {
            if (name != null) {
                out.append(out.length() == 0 ? "" : ", ").append(name);
            }
        }
        return out.length() == 0 ? "no parameter seen" : out.toString();
    }

    private static void put(Map<String, Object> convention, String key, String value) {
        if (value != null) {
            convention.put(key, value);
        }
    }

    private static String first(List<String> names, Set<String> seen) {
        return names.stream().filter(seen::contains).findFirst().orElse(null);
    }
}
