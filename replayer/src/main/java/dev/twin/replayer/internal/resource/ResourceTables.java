package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.CreateRule;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.config.Stateful;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the tables and bindings for the resources of the imported specs, as a person would in twin.yaml, leaving
 * every operation twin.yaml binds itself to twin.yaml. A resource uses a table twin.yaml writes when one of its
 * operations is bound to it, or when the table has the resource's name; else a table of its own, with conventions
 * derived from the spec ({@link ResourceConventions}) under twin.yaml's global ones.
 *
 * @see StatefulAuto
 */
final class ResourceTables {
    /**
     * What {@code stateful: auto} adds to a configuration: new tables, written tables completed with what was
     * derived for the keys they do not write, bindings, and which resource each table is for.
     */
    record Derived(List<TableConfig> tables, List<TableConfig> completed, List<Binding> bindings,
                   List<ResourceTable> resources) {
    }

    /** Rows per tenant, as a table written without {@code maxRows} has (docs/twin-yaml.md). */
    private static final int MAX_ROWS = 10_000;

    /** A written table writing one of these keeps its own id settings; else it takes the derived ones. */
    private static final Set<String> ID_KEYS = Set.of("idStrategy", "idPrefix", "idLength", "idAlphabet",
            "idPattern", "idType", "idStart");

    private final TwinConfig config;
    /** Per derived table, its conventions: the defaults, the spec's, then twin.yaml's global ones. */
    private final Map<String, Conventions> derivedConventions = new HashMap<>();
    private final Map<String, TableConfig> writtenTables = new LinkedHashMap<>();
    private final Map<String, Binding> writtenBindings = new HashMap<>();

    ResourceTables(TwinConfig config) {
        this.config = config;
        List<String> derived = config.stateful().derivedTables() == null ? List.of()
                : config.stateful().derivedTables();
        config.tables().stream().filter(table -> !derived.contains(table.name()))
                .forEach(table -> writtenTables.put(table.name(), table));
        config.extend().stream().filter(binding -> !binding.derived())
                .forEach(binding -> writtenBindings.put(binding.mock(), binding));
    }

    /** Derives from the specs, reading each one's resources afresh. */
    Derived derive(List<SpecDocument> specs) {
        return derive(specs, ResourceReader::read);
    }

    /** Derives from the specs, each one's resources as {@code facts} gives them (read, or kept from a launch before). */
    Derived derive(List<SpecDocument> specs, Function<SpecDocument, List<ResourceFacts>> facts) {
        List<Found> found = new ArrayList<>();
        for (SpecDocument spec : specs) {
            facts.apply(spec).forEach(resource -> found.add(new Found(spec, resource)));
        }
        Map<SpecResource, String> names = TableNames.assign(found.stream().map(f -> f.facts().resource()).toList(),
                Set.of());
        Map<SpecResource, String> tableOf = new IdentityHashMap<>();
        Map<String, String> tableBySchema = new HashMap<>();
        for (Found resource : found) {
            SpecResource spec = resource.facts().resource();
            String table = handBoundTable(spec).orElse(names.get(spec));
            tableOf.put(spec, table);
            if (resource.facts().schemaName() != null) {
                tableBySchema.putIfAbsent(resource.facts().schemaName(), table);
            }
        }

        List<TableConfig> tables = new ArrayList<>();
        List<TableConfig> completed = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<ResourceTable> resources = new ArrayList<>();
        Set<String> tablesMade = new java.util.HashSet<>();
        for (Found resource : found) {
            String table = tableOf.get(resource.facts().resource());
            boolean written = writtenTables.containsKey(table);
            if (tablesMade.add(table)) {
                TableConfig derived = table(table, resource, tableBySchema);
                if (written) {
                    completed.add(completed(writtenTables.get(table), derived));
                } else {
                    tables.add(derived);
                }
            }
            List<Binding> derived = bindings(resource, table, resource.facts().list() != null || written);
            bindings.addAll(derived);
            resources.add(new ResourceTable(table, resource.facts().resource(), written, derived));
        }
        return new Derived(tables, completed, bindings, resources);
    }

    /**
     * A written table taking a resource over, with what was derived for what it does not write: its id settings
     * when it writes none, the derived references besides its own, and its {@code response:} on top of the derived
     * conventions (and the global ones) rather than on the defaults.
     */
    /**
     * A table's {@code hide} adds to the fields the spec hides (write-only and request-only fields), rather than
     * showing them again: {@code hide: [internal_note]} means "this one too".
     */
    private static Conventions hidingBoth(Conventions merged, Conventions derived, Conventions written) {
        if (written == null || written.fields() == null || written.fields().hide() == null
                || derived.fields() == null || derived.fields().hide() == null) {
            return merged;
        }
        java.util.LinkedHashSet<String> hide = new java.util.LinkedHashSet<>(derived.fields().hide());
        hide.addAll(written.fields().hide());
        return merged.merge(new Conventions(null, new dev.twin.replayer.config.FieldRules(null, List.copyOf(hide),
                null, null, null), null, null, null, null));
    }

    private TableConfig completed(TableConfig written, TableConfig derived) {
        Stateful.WrittenTable what = config.stateful().writtenTables().get(written.name());
        if (what == null) {
            return written; // not from a file (a configuration built in code): as given
        }
        boolean writesIds = what.keys().stream().anyMatch(ID_KEYS::contains);
        TableConfig ids = writesIds ? written : derived;
        Map<String, String> references = new LinkedHashMap<>(derived.references());
        references.putAll(written.references());
        Conventions derivedResponse = derivedConventions.get(derived.name());
        Conventions response = hidingBoth(derivedResponse.merge(what.response()), derivedResponse, what.response());
        return new TableConfig(written.name(), what.keys().contains("idField") ? written.idField() : derived.idField(),
                ids.idStrategy(), ids.idPrefix(), ids.idLength(), ids.idAlphabet(), ids.idPattern(), ids.idType(),
                ids.idStart(), written.seedData(), written.maxRows(), references, response, written.location(),
                written.embed(), written.idLast());
    }

    /** The table twin.yaml writes and binds one of the resource's operations to, if it does. */
    private Optional<String> handBoundTable(SpecResource resource) {
        for (SpecResource.Operation operation : resource.operations()) {
            Binding written = writtenBindings.get(operation.operation().id());
            if (written != null && written.table() != null && writtenTables.containsKey(written.table())) {
                return Optional.of(written.table());
            }
        }
        return Optional.empty();
    }

    private TableConfig table(String name, Found resource, Map<String, String> tableBySchema) {
        ResourceFacts facts = resource.facts();
        Conventions written = config.stateful().writtenConventions();
        boolean errorsWritten = written != null && written.errors() != null;
        Conventions spec = facts.conventions();
        CreateRule create = facts.uploadFields().isEmpty() ? spec.create() : new CreateRule(null, null, null,
                UploadFields.derive(facts.uploadFields(), location(resource.spec())), null);
        Conventions derived = new Conventions(spec.timestamps(), spec.fields(), spec.list(), create, spec.delete(),
                errorsWritten ? null : spec.errors(), spec.update(), spec.fieldLimits(), spec.revision());
        Conventions merged = ResourceConventions.merged(derived, written);
        derivedConventions.put(name, merged);
        IdShape id = facts.id();
        return new TableConfig(name, facts.idField(), id.strategy(), id.prefix(), id.length(), id.alphabet(),
                id.pattern(), id.type(), 1, List.of(), MAX_ROWS, references(facts, tableBySchema), merged,
                location(resource.spec()), null, false);
    }

    /** Fields holding another resource's id, for {@code expand[]}: the first component they embed with a table. */
    private static Map<String, String> references(ResourceFacts facts, Map<String, String> tableBySchema) {
        Map<String, String> references = new LinkedHashMap<>();
        facts.referenceBranches().forEach((field, components) -> components.stream().map(tableBySchema::get)
                .filter(java.util.Objects::nonNull).findFirst().ifPresent(table -> references.put(field, table)));
        return references;
    }

    private List<Binding> bindings(Found resource, String table, boolean lists) {
        List<Binding> bindings = new ArrayList<>();
        SpecResource spec = resource.facts().resource();
        for (SpecResource.Operation operation : spec.operations()) {
            ApiOperation api = operation.operation();
            if (writtenBindings.containsKey(api.id())
                    || operation.action() == Binding.Action.LIST && !lists
                    || operation.action() == Binding.Action.CREATE && resource.facts().createAnswersArray()) {
                continue;
            }
            boolean onItem = operation.action() != Binding.Action.LIST && operation.action() != Binding.Action.CREATE;
            bindings.add(new Binding(api.id(), table, operation.action(), null, onItem ? spec.idParam() : null,
                    parentFields(resource.facts()), "/stateful", location(resource.spec()), true));
        }
        return bindings;
    }

    /** Parent parameters stored under another name than their own (the path's {@code AccountSid} as {@code account_sid}). */
    private static Map<String, String> parentFields(ResourceFacts facts) {
        return facts.parentFields().entrySet().stream().filter(e -> !e.getKey().equals(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private SourceLocation location(SpecDocument spec) {
        SourceLocation written = config.stateful().location();
        return written != null ? written : SourceLocation.of(spec.file());
    }

    private record Found(SpecDocument spec, ResourceFacts facts) {
    }
}
