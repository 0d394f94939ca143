package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.Import;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.plain.PlainAnswers;
import dev.twin.replayer.internal.replay.RecordedAnswersLoader;
import dev.twin.replayer.internal.state.SharedCursors;
import dev.twin.replayer.internal.resource.StatefulAuto;
import dev.twin.replayer.internal.routing.Router;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecException;
import dev.twin.replayer.internal.spec.SpecLoader;
import dev.twin.replayer.internal.startup.StartupCache;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a loaded configuration into a {@link ServedApi}: reads every import, builds the router, checks that every
 * {@code extend} binding names an imported operation. Every problem is collected and reported at once; nothing is
 * served from a configuration with problems.
 */
public final class ServedApiLoader {
    private ServedApiLoader() {
    }

    /** Loads with the {@linkplain StartupCache#shared() shared start-up cache}. */
    public static ServedApi load(TwinConfig config, ResponderFactory stateful) throws ConfigException {
        return load(config, stateful, StartupCache.shared());
    }

    public static ServedApi load(TwinConfig loaded, ResponderFactory stateful, StartupCache cache)
            throws ConfigException {
        return load(loaded, stateful, cache, null);
    }

    /** @param replayCursors where {@code replay:}'s cursors are counted: shared by replicas, or (null) here */
    public static ServedApi load(TwinConfig loaded, ResponderFactory stateful, StartupCache cache,
                                 SharedCursors replayCursors) throws ConfigException {
        TwinConfig config = loaded;
        List<ConfigProblem> problems = new ArrayList<>();
        List<SpecDocument> specs = new ArrayList<>();
        Map<String, Import> namespaces = new HashMap<>();
        for (Import spec : config.imports()) {
            Import earlier = namespaces.putIfAbsent(spec.as(), spec);
            if (earlier != null) {
                problems.add(new ConfigProblem(spec.location(), "namespace '" + spec.as()
                        + "' is already used by the import at " + earlier.location()));
                continue;
            }
            if (!Files.isRegularFile(spec.path())) {
                problems.add(new ConfigProblem(spec.location(), "spec file not found: " + spec.path()));
                continue;
            }
            try {
                specs.add(SpecLoader.load(spec.path(), spec.as(), cache));
            } catch (SpecException e) {
                e.problems().forEach(p -> problems.add(new ConfigProblem(new SourceLocation(e.file(), p.line(),
                        p.column()), p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<ApiOperation> operations = new ArrayList<>();
        specs.forEach(spec -> operations.addAll(spec.operations()));
        Router router;
        try {
            router = Router.of(operations);
        } catch (Router.DuplicateRoute e) {
            // within one spec the spec loader reports it at its line; here two imports define the same route
            Import second = namespaces.get(e.second().namespace());
            SourceLocation where = second != null ? second.location() : SourceLocation.of(config.sourceMap().file());
            throw new ConfigException(new ConfigProblem(where, e.getMessage()
                    + " (two imports may not answer the same requests)"));
        }
        config = StatefulAuto.expand(config, specs, cache); // stateful: auto, unless done before the store was made
        ServedApi api = new ServedApi(config, specs, router);
        for (Binding binding : config.extend()) {
            if (api.operation(binding.mock()) == null) {
                problems.add(new ConfigProblem(binding.location(), "extend: no imported operation '"
                        + binding.mock() + "'" + suggestion(api, binding.mock())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        api.replay(RecordedAnswersLoader.load(config.replay(), router).sharedThrough(replayCursors));
        api.stateful(stateful.create(api));
        api.plainAnswers(PlainAnswers.load(cache, specs));
        return api;
    }

    private static String suggestion(ServedApi api, String missing) {
        String lower = missing.toLowerCase(java.util.Locale.ROOT);
        return api.operations().stream().map(ApiOperation::id)
                .filter(id -> id.toLowerCase(java.util.Locale.ROOT).equals(lower))
                .findFirst().map(id -> " (did you mean '" + id + "'?)").orElse("");
    }
}
