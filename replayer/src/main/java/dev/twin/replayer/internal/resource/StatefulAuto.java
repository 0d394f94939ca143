package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.Import;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecException;
import dev.twin.replayer.internal.spec.SpecLoader;
import dev.twin.replayer.internal.startup.StartupCache;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stateful: auto} (and {@code twin serve --spec FILE --stateful}): the configuration with a table and
 * bindings for every resource the imported specs describe, derived once when the configuration is loaded, so the
 * state store, the server and its bindings all see them as they see tables written in twin.yaml. Operations
 * twin.yaml binds itself keep their bindings. See docs/stateful-auto.md.
 */
public final class StatefulAuto {
    private StatefulAuto() {
    }

    /**
     * The configuration with the derived tables and bindings added, reading its specs; unchanged when
     * {@code stateful:} is not {@code auto} or they are added already. A spec that cannot be read is skipped here:
     * loading it for serving reports it.
     */
    public static TwinConfig expand(TwinConfig config) throws ConfigException {
        return expand(config, StartupCache.shared());
    }

    /**
     * As {@link #expand(TwinConfig)}: the specs are read with {@code cache}, where what each says of its resources
     * is kept too, so that a later launch of an unchanged spec does not read it again.
     */
    public static TwinConfig expand(TwinConfig config, StartupCache cache) throws ConfigException {
        if (!needsExpanding(config)) {
            return config;
        }
        List<SpecDocument> specs = new ArrayList<>();
        for (Import spec : config.imports()) {
            if (Files.isRegularFile(spec.path())) {
                try {
                    specs.add(SpecLoader.load(spec.path(), spec.as(), cache));
                } catch (SpecException unreadable) {
                    // reported, at its line, when the server loads the specs
                }
            }
        }
        return expand(config, specs, cache);
    }

    /**
     * As {@link #expand(TwinConfig)}, over specs already loaded.
     *
     * @throws ConfigException when twin.yaml names a table that is neither written nor derived
     */
    public static TwinConfig expand(TwinConfig config, List<SpecDocument> specs) throws ConfigException {
        return expand(config, specs, StartupCache.DISABLED);
    }

    /** As {@link #expand(TwinConfig, List)}, what the specs say of their resources kept in {@code cache}. */
    public static TwinConfig expand(TwinConfig config, List<SpecDocument> specs, StartupCache cache)
            throws ConfigException {
        if (!needsExpanding(config)) {
            return config;
        }
        ResourceTables.Derived derived = new ResourceTables(config).derive(specs, ResourceFactsCache.reading(cache));
        TwinConfig expanded = config.withDerived(derived.tables(), derived.completed(), derived.bindings());
        List<ConfigProblem> problems = TableReferences.check(expanded);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return expanded;
    }

    /** The resources {@code stateful: auto} makes stateful in these specs, with their tables and bindings. */
    public static List<ResourceTable> resources(TwinConfig config, List<SpecDocument> specs) {
        return new ResourceTables(config).derive(specs).resources();
    }

    private static boolean needsExpanding(TwinConfig config) {
        return config.stateful().auto() && !config.stateful().derived();
    }
}
