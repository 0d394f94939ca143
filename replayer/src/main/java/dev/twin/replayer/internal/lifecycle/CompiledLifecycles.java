package dev.twin.replayer.internal.lifecycle;

import dev.twin.replayer.config.Lifecycle;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TableConventions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycles of one loaded configuration, ready to run: by table and by name, with the shaper of every table
 * (the rows an {@code enter} updates may be of any). Lifecycles of a table the state store does not hold (one a
 * reload added) are left out: there is nothing for them to move.
 */
record CompiledLifecycles(Map<String, List<CompiledLifecycle>> byTable, Map<String, CompiledLifecycle> byName,
                          Map<String, RowShaper> shapers) {
    static final CompiledLifecycles NONE = new CompiledLifecycles(Map.of(), Map.of(), Map.of());

    static CompiledLifecycles of(TwinConfig config, List<String> storedTables) {
        if (config.sandbox().lifecycles().isEmpty()) {
            return NONE;
        }
        Map<String, TableConfig> tables = new HashMap<>();
        Map<String, RowShaper> shapers = new HashMap<>();
        for (TableConfig table : config.tables()) {
            if (storedTables.contains(table.name())) {
                tables.put(table.name(), table);
                shapers.put(table.name(), TableConventions.of(table).shaper());
            }
        }
        Map<String, List<CompiledLifecycle>> byTable = new HashMap<>();
        Map<String, CompiledLifecycle> byName = new HashMap<>();
        for (Lifecycle lifecycle : config.sandbox().lifecycles()) {
            RowShaper shaper = shapers.get(lifecycle.table());
            if (shaper != null) {
                CompiledLifecycle compiled = CompiledLifecycle.of(lifecycle, shaper);
                byTable.computeIfAbsent(lifecycle.table(), name -> new ArrayList<>()).add(compiled);
                byName.put(lifecycle.name(), compiled);
            }
        }
        byTable.replaceAll((table, lifecycles) -> List.copyOf(lifecycles));
        return new CompiledLifecycles(Map.copyOf(byTable), Map.copyOf(byName), Map.copyOf(shapers));
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    List<CompiledLifecycle> of(String table) {
        return byTable.getOrDefault(table, List.of());
    }
}
