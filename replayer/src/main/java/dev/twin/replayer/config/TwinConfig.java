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
 */
public record TwinConfig(Path baseDir, List<Import> imports, ServerSettings server, Tenancy tenancy,
                         Credentials credentials, Idempotency idempotency, Conventions conventions,
                         List<TableConfig> tables, List<Binding> extend, List<CustomOperation> customOperations,
                         SandboxConfig sandbox, ReplayConfig replay, SourceMap sourceMap) {
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
    }

    public Optional<TableConfig> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<CustomOperation> customOperation(String name) {
        return customOperations.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
