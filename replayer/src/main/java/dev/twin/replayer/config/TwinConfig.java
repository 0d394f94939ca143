package dev.twin.replayer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, validated twin.yaml ({@link ConfigLoader}). Immutable; every default is filled in.
 *
 * @param baseDir     the directory relative paths in the file were resolved against (absolute)
 * @param conventions the global conventions, defaults included (tables carry their own merged copy)
 * @param sandbox     scenarios, faults, rate limits and webhooks ({@link SandboxConfig#NONE} when none)
 * @param replay      the recordings to answer from ({@link ReplayConfig#NONE} when there is no {@code replay:})
 * @param sourceMap   where every key and value was written, for checks made after loading
 * @param stateful    {@code stateful:} ({@link Stateful#OFF} when not written): whether the specs' resources keep
 *                    state by convention, and whether the tables and bindings that derives are added already
 * @param state       {@code state:}: where the tables are kept ({@link StateSetting#MEMORY} when not written)
 */
public record TwinConfig(Path baseDir, List<Import> imports, ServerSettings server, Tenancy tenancy,
                         Credentials credentials, Idempotency idempotency, Conventions conventions,
                         List<TableConfig> tables, List<Binding> extend, List<CustomOperation> customOperations,
                         SandboxConfig sandbox, ReplayConfig replay, SourceMap sourceMap, Stateful stateful,
                         StateSetting state) {

    /** A configuration without {@code state:}. */
    public TwinConfig(Path baseDir, List<Import> imports, ServerSettings server, Tenancy tenancy,
                      Credentials credentials, Idempotency idempotency, Conventions conventions,
                      List<TableConfig> tables, List<Binding> extend, List<CustomOperation> customOperations,
                      SandboxConfig sandbox, ReplayConfig replay, SourceMap sourceMap, Stateful stateful) {
        this(baseDir, imports, server, tenancy, credentials, idempotency, conventions, tables, extend,
                customOperations, sandbox, replay, sourceMap, stateful, StateSetting.MEMORY);
    }

    /** A configuration without {@code stateful:}. */
    public TwinConfig(Path baseDir, List<Import> imports, ServerSettings server, Tenancy tenancy,
                      Credentials credentials, Idempotency idempotency, Conventions conventions,
                      List<TableConfig> tables, List<Binding> extend, List<CustomOperation> customOperations,
                      SandboxConfig sandbox, ReplayConfig replay, SourceMap sourceMap) {
        this(baseDir, imports, server, tenancy, credentials, idempotency, conventions, tables, extend,
                customOperations, sandbox, replay, sourceMap, Stateful.OFF);
    }

    public TwinConfig {
        Objects.requireNonNull(baseDir, "baseDir");
        imports = List.copyOf(imports);
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(conventions, "conventions");
        tables = List.copyOf(tables);
        extend = List.copyOf(extend);
        customOperations = List.copyOf(customOperations);
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(sourceMap, "sourceMap");
        Objects.requireNonNull(stateful, "stateful");
        Objects.requireNonNull(state, "state");
    }

    /** This configuration with another {@code stateful:} setting. */
    public TwinConfig withStateful(Stateful setting) {
        return new TwinConfig(baseDir, imports, server, tenancy, credentials, idempotency, conventions, tables, extend,
                customOperations, sandbox, replay, sourceMap, setting, state);
    }

    /**
     * This configuration with what {@code stateful: auto} derives from the specs: tables added to the written ones,
     * written tables completed with what was derived for the keys they do not write (replacing them, by name), and
     * bindings added to the written ones.
     */
    public TwinConfig withDerived(List<TableConfig> derivedTables, List<TableConfig> completedTables,
                                  List<Binding> derivedBindings) {
        List<TableConfig> allTables = new java.util.ArrayList<>(tables);
        for (TableConfig completed : completedTables) {
            allTables.replaceAll(table -> table.name().equals(completed.name()) ? completed : table);
        }
        allTables.addAll(derivedTables);
        List<Binding> allBindings = new java.util.ArrayList<>(extend);
        allBindings.addAll(derivedBindings);
        return new TwinConfig(baseDir, imports, server, tenancy, credentials, idempotency, conventions, allTables,
                allBindings, customOperations, sandbox, replay, sourceMap,
                stateful.withDerivedTables(derivedTables.stream().map(TableConfig::name).toList()), state);
    }

    public Optional<TableConfig> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<CustomOperation> customOperation(String name) {
        return customOperations.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
