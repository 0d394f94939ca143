package dev.twin.replayer.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An imported operation bound to a table ({@code extend:}).
 *
 * @param mock      {@code <namespace>.<operationId>}; the loader checks the namespace, the server the operation
 * @param table     null only for {@code custom} bindings that name none
 * @param operation the custom operation's name (action {@code custom} only)
 * @param idParam   the path parameter carrying the row id; null = the last path parameter
 * @param parentFields parent path parameter → the row field holding its value ({@code post: postId} for
 *                  {@code /posts/{post}/comments}); a parameter not named here is its own field name
 * @param pointer   JSON Pointer of this entry ({@code /extend/3}), for {@link ConfigProblems#at}
 * @param location  where {@code mock:} is written (for a derived binding: where {@code stateful:} is)
 * @param derived   made by {@code stateful: auto} from the spec rather than written under {@code extend:}
 * @param filters   query parameter → the row field a list filters by it ({@code lookup_keys: lookup_key}), for
 *                  parameters whose name is not the field's
 * @param searchFields the fields a {@code search} query may name (empty: any)
 * @param view      a list that shows the rows in a shape of its own ({@code view:}), or null (action list only)
 * @param parentTables parent path parameter → the table holding the row it names ({@code vhost: vhosts}): a request
 *                  under a parent that is not a live row of that table answers NOT_FOUND (or the entry's own body)
 */
public record Binding(String mock, String table, Action action, String operation, String idParam,
                      Map<String, String> parentFields, String pointer, SourceLocation location, boolean derived,
                      Map<String, String> filters, List<String> searchFields, ListView view,
                      Map<String, ParentTable> parentTables) {

    /** A binding that checks no parent row. */
    public Binding(String mock, String table, Action action, String operation, String idParam,
                   Map<String, String> parentFields, String pointer, SourceLocation location, boolean derived,
                   Map<String, String> filters, List<String> searchFields, ListView view) {
        this(mock, table, action, operation, idParam, parentFields, pointer, location, derived, filters,
                searchFields, view, null);
    }

    /** A binding that is not a view. */
    public Binding(String mock, String table, Action action, String operation, String idParam,
                   Map<String, String> parentFields, String pointer, SourceLocation location, boolean derived,
                   Map<String, String> filters, List<String> searchFields) {
        this(mock, table, action, operation, idParam, parentFields, pointer, location, derived, filters,
                searchFields, null);
    }

    /** A binding written in twin.yaml. */
    public Binding(String mock, String table, Action action, String operation, String idParam,
                   Map<String, String> parentFields, String pointer, SourceLocation location) {
        this(mock, table, action, operation, idParam, parentFields, pointer, location, false);
    }

    public Binding(String mock, String table, Action action, String operation, String idParam,
                   Map<String, String> parentFields, String pointer, SourceLocation location, boolean derived) {
        this(mock, table, action, operation, idParam, parentFields, pointer, location, derived, null, null);
    }

    public enum Action {
        LIST, CREATE, GET, PATCH, UPDATE, DELETE, CUSTOM, SEARCH;

        /** As twin.yaml writes it: {@code create}. */
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Binding {
        Objects.requireNonNull(mock, "mock");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(location, "location");
        parentFields = parentFields == null ? Map.of() : Map.copyOf(parentFields);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        searchFields = searchFields == null ? List.of() : List.copyOf(searchFields);
        parentTables = parentTables == null ? Map.of() : Map.copyOf(parentTables);
    }

    /** {@code stripe} of {@code stripe.PostCustomers}. */
    public String namespace() {
        return mock.substring(0, mock.indexOf('.'));
    }

    /** {@code PostCustomers} of {@code stripe.PostCustomers}. */
    public String operationId() {
        return mock.substring(mock.indexOf('.') + 1);
    }
}
