package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code clock:} and {@code lifecycles:}. */
final class LifecyclesBinder {
    private LifecyclesBinder() {
    }

    /** {@code clock: manual}, or {@code clock: {mode: manual, start: 2024-05-01T12:00:00Z}}. */
    static ClockConfig clock(YamlMapping root) {
        if (!root.has("clock")) {
            return ClockConfig.SYSTEM;
        }
        if (root.node().get("clock").isValueNode()) {
            ClockConfig.Mode mode = root.enumValue("clock", ClockConfig.Mode.class, ClockConfig.Mode.SYSTEM);
            return new ClockConfig(mode, null, root.location("clock"));
        }
        YamlMapping m = root.mapping("clock");
        if (m == null) {
            return ClockConfig.SYSTEM;
        }
        m.allowOnly("mode", "start");
        ClockConfig.Mode mode = m.enumValue("mode", ClockConfig.Mode.class, ClockConfig.Mode.SYSTEM);
        Instant start = null;
        String text = m.string("start");
        if (text != null) {
            try {
                start = Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                m.problem("start", "expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, got '" + text + "'");
            }
            if (mode != ClockConfig.Mode.MANUAL) {
                m.problem("start", "only used with mode: manual (the system clock starts at the real time)");
            }
        }
        return new ClockConfig(mode, start, m.location());
    }

    static List<Lifecycle> lifecycles(YamlMapping root, KnownTables tables) {
        List<Lifecycle> lifecycles = new ArrayList<>();
        List<YamlMapping> entries = root.mappings("lifecycles");
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Lifecycle lifecycle = bindOne(entries.get(i), i, tables, names);
            if (lifecycle != null) {
                lifecycles.add(lifecycle);
            }
        }
        return lifecycles;
    }

    private static Lifecycle bindOne(YamlMapping m, int index, KnownTables tables, Map<String, SourceLocation> names) {
        int before = m.context().problems().size();
        m.allowOnly("name", "table", "field", "transitions", "enter");
        String name = m.string("name", "lifecycle-" + index);
        SourceLocation earlier = names.putIfAbsent(name, m.location());
        if (earlier != null) {
            m.problem("name", "duplicate lifecycle '" + name + "' (also at " + earlier + ")");
        }
        String table = m.requiredString("table");
        if (table != null && !tables.contains(table)) {
            m.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
        }
        String field = m.has("field") ? m.name("field") : "status";
        Set<String> transitionScope = new LinkedHashSet<>(Lifecycle.TRANSITION_VARIABLES);
        List<Lifecycle.Transition> transitions = new ArrayList<>();
        for (YamlMapping t : m.mappings("transitions")) {
            Lifecycle.Transition transition = transition(t, transitionScope);
            if (transition != null) {
                transitions.add(transition);
            }
        }
        Map<String, Lifecycle.Entry> enter = new LinkedHashMap<>();
        YamlMapping enterMapping = m.mapping("enter");
        if (enterMapping != null) {
            enterMapping.node().fields().forEachRemaining(state -> {
                Lifecycle.Entry entry = entry(enterMapping.mapping(state.getKey()), tables);
                if (entry != null) {
                    enter.put(state.getKey(), entry);
                }
            });
        }
        if (!m.has("transitions") && !m.has("enter")) {
            m.problem("nothing to do: give transitions, enter, or both");
        }
        if (table == null || field == null || m.context().problems().size() > before) {
            return null;
        }
        return new Lifecycle(name, table, field, transitions, enter, m.location());
    }

    private static Lifecycle.Transition transition(YamlMapping t, Set<String> scope) {
        int before = t.context().problems().size();
        t.allowOnly("from", "to", "after", "when", "set");
        List<String> from = null;
        if (t.require("from")) {
            JsonNode value = t.raw("from");
            from = value.isValueNode() ? (t.string("from") == null ? null : List.of(t.string("from")))
                    : t.strings("from");
            if (from != null && from.isEmpty()) {
                t.problem("from", "at least one state is required");
            }
        }
        String to = t.requiredString("to");
        java.time.Duration after = t.require("after") ? t.duration("after", null) : null;
        Expression when = t.has("when") ? ExpressionReader.read(t, t.pointer("when"), t.raw("when"), scope) : null;
        YamlMapping setMapping = t.mapping("set");
        Map<String, Expression> set = setMapping == null ? Map.of() : expressions(setMapping, scope);
        if (from == null || to == null || after == null || t.context().problems().size() > before) {
            return null;
        }
        return new Lifecycle.Transition(from, to, after, when, set, t.location());
    }

    /** {@code {set: {...}, update: [{table, where, set | delete}]}}: what entering one state does. */
    private static Lifecycle.Entry entry(YamlMapping e, KnownTables tables) {
        if (e == null) {
            return null;
        }
        e.allowOnly("set", "update");
        Set<String> scope = new LinkedHashSet<>(Lifecycle.ENTER_VARIABLES);
        YamlMapping set = e.mapping("set");
        List<Lifecycle.Update> updates = new ArrayList<>();
        for (YamlMapping u : e.mappings("update")) {
            u.allowOnly("table", "where", "set", "delete");
            String table = u.requiredString("table");
            if (table != null && !tables.contains(table)) {
                u.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
            }
            YamlMapping where = u.require("where") ? u.mapping("where") : null;
            YamlMapping targetSet = u.mapping("set");
            boolean delete = Boolean.TRUE.equals(u.bool("delete", false));
            if (delete == (targetSet != null)) {
                u.problem("give either set (fields of the rows found) or delete: true");
            }
            if (table != null && where != null) {
                updates.add(new Lifecycle.Update(table, expressions(where, scope),
                        targetSet == null ? Map.of() : expressions(targetSet,
                                new LinkedHashSet<>(Lifecycle.UPDATE_VARIABLES)), delete, u.location()));
            }
        }
        if (set == null && updates.isEmpty()) {
            e.problem("nothing to do: give set, update, or both");
        }
        return new Lifecycle.Entry(set == null ? Map.of() : expressions(set, scope), updates);
    }

    /** Field → expression. */
    static Map<String, Expression> expressions(YamlMapping map, Set<String> scope) {
        Map<String, Expression> result = new LinkedHashMap<>();
        map.node().fields().forEachRemaining(field -> {
            Expression expression = ExpressionReader.read(map, map.pointer(field.getKey()), field.getValue(), scope);
            if (expression != null) {
                result.put(field.getKey(), expression);
            }
        });
        return result;
    }
}
