package dev.twin.replayer.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds {@code extend:}. Checks what the file alone can tell (namespace, table, action, custom operation);
 * whether the operation exists in the imported spec is the server's check ({@link ConfigProblems}).
 */
final class ExtendBinder {
    private static final Pattern DOTTED_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private ExtendBinder() {
    }

    static List<Binding> bind(YamlMapping root, Set<String> namespaces, KnownTables tables, Set<String> operations) {
        List<Binding> bindings = new ArrayList<>();
        Map<String, SourceLocation> bound = new HashMap<>();
        for (YamlMapping entry : root.mappings("extend")) {
            Binding binding = bindOne(entry, namespaces, tables, operations, bound);
            if (binding != null) {
                bindings.add(binding);
            }
        }
        return bindings;
    }

    private static Binding bindOne(YamlMapping m, Set<String> namespaces, KnownTables tables,
                                   Set<String> operations, Map<String, SourceLocation> bound) {
        m.allowOnly("mock", "table", "action", "operation", "idParam", "parentFields", "filters", "searchFields",
                "view");
        String mock = m.requiredString("mock");
        boolean ok = mock != null && checkMock(m, mock, namespaces, bound);
        Binding.Action action = m.has("action") ? m.enumValue("action", Binding.Action.class, null) : null;
        ok &= m.require("action") && action != null;
        String table = m.string("table");
        if (table == null && action != null && action != Binding.Action.CUSTOM) {
            ok &= m.require("table");
        } else if (table != null && !tables.contains(table)) {
            m.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
            ok = false;
        }
        String operation = m.string("operation");
        if (action == Binding.Action.CUSTOM && operation == null) {
            m.context().problem(new ConfigProblem(m.location(), ConfigProblems.prefixed(m.pointer("operation"),
                    "required when action is custom (the name of one of customOperations)")));
            ok = false;
        } else if (action != null && action != Binding.Action.CUSTOM && operation != null) {
            m.problem("operation", "only used with action: custom");
            ok = false;
        } else if (operation != null && !operations.contains(operation)) {
            m.problem("operation", ConfigProblems.withSuggestion("no custom operation '" + operation + "'",
                    operation, operations));
            ok = false;
        }
        String idParam = m.name("idParam");
        Map<String, String> parentFields = m.nameMap("parentFields");
        Map<String, String> filters = m.nameMap("filters");
        if (filters != null && action != Binding.Action.LIST) {
            m.problem("filters", "only used with action: list");
            ok = false;
        }
        List<String> searchFields = m.names("searchFields");
        if (searchFields != null && action != Binding.Action.SEARCH) {
            m.problem("searchFields", "only used with action: search");
            ok = false;
        }
        ListView view = view(m.mapping("view"));
        if (m.has("view") && action != Binding.Action.LIST) {
            m.problem("view", "only used with action: list");
            ok = false;
        }
        return ok ? new Binding(mock, table, action, operation, idParam, parentFields, m.pointer(),
                m.location("mock"), false, filters, searchFields, view) : null;
    }

    private static ListView view(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("list", "fields", "include", "range");
        ListStyle list = ConventionsBinder.list(m.mapping("list"));
        if (list != null && list.style() != null) {
            ConventionsBinder.checkList(ListStyle.DEFAULTS.merge(list), m.pointer("list"), m.context());
        }
        Map<String, String> fields = m.stringMap("fields");
        if (fields != null) {
            fields.forEach((item, row) -> {
                if (!DOTTED_PATH.matcher(item).matches() || !DOTTED_PATH.matcher(row).matches()) {
                    m.problem("fields", "expected item path: row path, both field names or dotted paths "
                            + "(value.rev: _rev), got '" + item + ": " + row + "'");
                }
            });
        }
        YamlMapping include = m.mapping("include");
        if (include != null) {
            include.allowOnly("param", "field");
            include.require("param");
            include.require("field");
        }
        YamlMapping range = m.mapping("range");
        if (range != null) {
            range.allowOnly("start", "end", "totalCountsAll");
        }
        return new ListView(list, fields, include == null ? null : include.name("param"),
                include == null ? null : include.name("field"), range == null ? null : range.name("start"),
                range == null ? null : range.name("end"),
                range != null && Boolean.TRUE.equals(range.bool("totalCountsAll", null)));
    }

    private static boolean checkMock(YamlMapping m, String mock, Set<String> namespaces,
                                     Map<String, SourceLocation> bound) {
        int dot = mock.indexOf('.');
        if (dot <= 0 || dot == mock.length() - 1) {
            m.problem("mock", "expected <namespace>.<operationId>, got '" + mock + "'");
            return false;
        }
        String namespace = mock.substring(0, dot);
        if (!namespaces.contains(namespace)) {
            m.problem("mock", ConfigProblems.withSuggestion("unknown namespace '" + namespace
                    + "'; imports are: " + String.join(", ", namespaces.stream().sorted().toList()),
                    namespace, namespaces));
            return false;
        }
        SourceLocation earlier = bound.putIfAbsent(mock, m.location("mock"));
        if (earlier != null) {
            m.problem("mock", mock + " is already bound (at " + earlier + ")");
            return false;
        }
        return true;
    }
}
