package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.startup.StartupCache;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads twin.yaml into a validated {@link TwinConfig}: every mistake in the file is collected and reported at
 * once, each with its {@code file:line:column}. See docs/twin-yaml.md for every key.
 */
public final class ConfigLoader {
    /** The file a directory argument stands for. */
    public static final String FILE_NAME = "twin.yaml";

    private static final String[] TOP_LEVEL_KEYS = {"version", "imports", "server", "tenancy", "credentials",
        "idempotency", "conventions", "tables", "extend", "customOperations", "scenarios",
        "faults", "rateLimits", "events", "webhooks", "webhookEndpoints", "magicValues", "replay", "stateful",
        "state", "clock", "lifecycles", "callbacks"};

    private ConfigLoader() {
    }

    /**
     * @param file a twin.yaml (any name) or a directory holding {@value #FILE_NAME}
     * @throws ConfigException listing every problem found
     */
    public static TwinConfig load(Path file) throws ConfigException {
        return load(file, StartupCache.shared());
    }

    /** As {@link #load(Path)}, reading the parsed YAML from {@code cache} when an earlier load stored it there. */
    public static TwinConfig load(Path file, StartupCache cache) throws ConfigException {
        Path target = Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
        String text = readText(target);
        YamlDocument document = YamlDocumentCache.read(cache, target, text);
        Path baseDir = target.toAbsolutePath().normalize().getParent();
        LoadContext context = new LoadContext(target, baseDir, document.sourceMap(),
                text.lines().collect(Collectors.toList()));
        document.problems().forEach(context::problem);
        TwinConfig config = bind(document, context);
        if (context.hasProblems() || config == null) {
            throw new ConfigException(context.problems());
        }
        return config;
    }

    /** A config for {@code twin serve --spec a.yaml --spec b.json}: namespaces from file names, defaults elsewhere. */
    public static TwinConfig forSpecs(List<Path> specs) {
        List<Import> imports = new ArrayList<>();
        Set<String> namespaces = new HashSet<>();
        for (Path spec : specs) {
            String base = ImportsBinder.namespaceFromFileName(spec);
            String namespace = base;
            for (int n = 2; !namespaces.add(namespace); n++) {
                namespace = base + n;
            }
            imports.add(new Import(spec.toAbsolutePath().normalize(), namespace, SourceLocation.of(spec)));
        }
        Path baseDir = Path.of("").toAbsolutePath();
        return new TwinConfig(baseDir, imports, ServerSettings.DEFAULTS, Tenancy.DEFAULTS, Credentials.DEFAULTS,
                Idempotency.DEFAULTS, Conventions.DEFAULTS, List.of(), List.of(), List.of(), SandboxConfig.NONE,
                ReplayConfig.NONE, SourceMap.empty(Path.of("--spec")));
    }

    private static TwinConfig bind(YamlDocument document, LoadContext context) {
        YamlMapping root = YamlMapping.of(document.root(), "", context);
        if (root == null) {
            return null;
        }
        root.allowOnly(TOP_LEVEL_KEYS);
        Integer version = root.integer("version", 1, 0, Integer.MAX_VALUE);
        if (version != 1) {
            root.problem("version", "unsupported version " + version + "; this twin reads version 1");
        }
        List<Import> imports = ImportsBinder.bind(root);
        ServerSettings server = SettingsBinder.server(root);
        Tenancy tenancy = SettingsBinder.tenancy(root);
        Credentials credentials = SettingsBinder.credentials(root);
        Idempotency idempotency = SettingsBinder.idempotency(root);
        Conventions globalOverride = ConventionsBinder.bind(root.mapping("conventions"));
        Conventions conventions = Conventions.DEFAULTS.merge(globalOverride);
        if (globalOverride != null) {
            ConventionsBinder.checkMerged(conventions, root.pointer("conventions"), context);
        }
        Stateful.Mode statefulMode = root.enumValue("stateful", Stateful.Mode.class, Stateful.Mode.OFF);
        boolean auto = statefulMode == Stateful.Mode.AUTO;
        Map<String, Stateful.WrittenTable> writtenTables = new LinkedHashMap<>();
        List<TableConfig> tables = TablesBinder.bind(root, conventions, auto, writtenTables);
        // what stateful: auto needs of what is written, also when off, for twin serve --stateful on this file
        Stateful stateful = new Stateful(statefulMode, globalOverride, writtenTables, null,
                root.has("stateful") ? root.location("stateful") : null);
        KnownTables tableNames = new KnownTables(tableNames(root), auto);
        List<CustomOperation> operations = CustomOperationsBinder.bind(root, tableNames);
        Set<String> namespaces = imports.stream().map(Import::as).collect(Collectors.toCollection(LinkedHashSet::new));
        namespaces.addAll(namespacesWritten(root));
        List<Binding> extend = ExtendBinder.bind(root, namespaces, tableNames, CustomOperationsBinder.names(root));
        SandboxConfig sandbox = new SandboxConfig(ScenariosBinder.bind(root), FaultsBinder.bind(root),
                RateLimitsBinder.bind(root), EventsBinder.events(root, tableNames), EventsBinder.webhooks(root),
                MagicValuesBinder.bind(root), EventsBinder.webhookEndpoints(root, tableNames),
                LifecyclesBinder.clock(root), LifecyclesBinder.lifecycles(root, tableNames),
                CallbacksBinder.bind(root, tableNames));
        return new TwinConfig(context.baseDir(), imports, server, tenancy, credentials, idempotency, conventions,
                tables, extend, operations, sandbox, ReplayBinder.bind(root), context.sourceMap(), stateful,
                SettingsBinder.state(root, context.baseDir()));
    }

    /** Names written under tables[].name, valid or not, so one broken table is not reported again per binding. */
    private static Set<String> tableNames(YamlMapping root) {
        return namesWritten(root, "tables", "name");
    }

    /** Namespaces of imports that failed to load (a missing file), so bindings to them are not reported too. */
    private static Set<String> namespacesWritten(YamlMapping root) {
        Set<String> namespaces = namesWritten(root, "imports", "as");
        JsonNode imports = root.raw("imports");
        if (imports != null && imports.isArray()) {
            imports.forEach(entry -> {
                if (entry.path("as").isMissingNode() && entry.path("path").isTextual()) {
                    namespaces.add(ImportsBinder.namespaceFromFileName(Path.of(entry.get("path").textValue())));
                }
            });
        }
        return namespaces;
    }

    private static Set<String> namesWritten(YamlMapping root, String list, String key) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode entries = root.raw(list);
        if (entries != null && entries.isArray()) {
            entries.forEach(entry -> {
                if (entry.path(key).isValueNode() && !entry.path(key).isNull()) {
                    names.add(entry.get(key).asText());
                }
            });
        }
        return names;
    }

    private static String readText(Path target) throws ConfigException {
        if (!Files.exists(target)) {
            throw new ConfigException(new ConfigProblem(SourceLocation.of(target), "no such file"));
        }
        try {
            return Files.readString(target);
        } catch (MalformedInputException e) {
            throw new ConfigException(new ConfigProblem(SourceLocation.of(target), "not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(SourceLocation.of(target), "cannot read: " + e.getMessage()));
        }
    }
}
