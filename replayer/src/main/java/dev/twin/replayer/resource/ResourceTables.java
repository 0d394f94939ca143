package dev.twin.replayer.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.config.Stateful;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.spec.ApiOperation;
import dev.twin.replayer.spec.SpecDocument;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    Derived derive(List<SpecDocument> specs) {
        List<Found> found = new ArrayList<>();
        for (SpecDocument spec : specs) {
            SchemaLookup schemas = new SchemaLookup(spec.components());
            SpecAnswers answers = new SpecAnswers(spec.components(), schemas);
            for (SpecResource resource : ResourceFinder.find(spec.namespace(), spec.operations())) {
                ItemShape.of(resource, schemas).ifPresent(item -> {
                    boolean creates = ItemShape.createMakesItem(resource, item, schemas);
                    if (creates || resource.operation(Binding.Action.UPDATE).isPresent()) {
                        found.add(new Found(spec, creates ? resource : withoutCreate(resource), item, schemas,
                                answers));
                    }
                });
            }
        }
        Map<SpecResource, String> names = TableNames.assign(found.stream().map(Found::resource).toList(), Set.of());
        Map<SpecResource, String> tableOf = new IdentityHashMap<>();
        Map<String, String> tableBySchema = new HashMap<>();
        for (Found resource : found) {
            String table = handBoundTable(resource.resource()).orElse(names.get(resource.resource()));
            tableOf.put(resource.resource(), table);
            if (resource.item().schemaName() != null) {
                tableBySchema.putIfAbsent(resource.item().schemaName(), table);
            }
        }

        List<TableConfig> tables = new ArrayList<>();
        List<TableConfig> completed = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<ResourceTable> resources = new ArrayList<>();
        Set<String> tablesMade = new java.util.HashSet<>();
        for (Found resource : found) {
            String table = tableOf.get(resource.resource());
            boolean written = writtenTables.containsKey(table);
            Optional<ListStyle> list = resource.resource().operation(Binding.Action.LIST)
                    .flatMap(operation -> ListShape.of(operation, resource.item(), resource.schemas()));
            if (tablesMade.add(table)) {
                TableConfig derived = table(table, resource, list, tableBySchema);
                if (written) {
                    completed.add(completed(writtenTables.get(table), derived));
                } else {
                    tables.add(derived);
                }
            }
            List<Binding> derived = bindings(resource, table, list.isPresent() || written);
            bindings.addAll(derived);
            resources.add(new ResourceTable(table, resource.resource(), written, derived));
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

    /** The resource without its POST, which makes something else than its items. */
    private static SpecResource withoutCreate(SpecResource resource) {
        return new SpecResource(resource.namespace(), resource.collectionPath(), resource.itemPath(),
                resource.idParam(), resource.parentParams(), resource.operations().stream()
                .filter(operation -> operation.action() != Binding.Action.CREATE).toList(), true);
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

    private TableConfig table(String name, Found resource, Optional<ListStyle> list,
                              Map<String, String> tableBySchema) {
        ItemShape item = resource.item();
        DefaultRow defaults = DefaultRow.of(resource.resource(), item, resource.schemas(), resource.answers());
        Schema<?> idSchema = resource.schemas().resolve(item.properties().get(item.idField()));
        IdShape id = IdShape.of(idSchema, defaults.exampleId());
        Conventions written = config.stateful().writtenConventions();
        boolean errorsWritten = written != null && written.errors() != null;
        Conventions derived = ResourceConventions.of(resource.resource(), item, defaults, list, resource.schemas(),
                resource.answers(), errorsWritten);
        Conventions merged = ResourceConventions.merged(derived, written);
        derivedConventions.put(name, merged);
        return new TableConfig(name, item.idField(), id.strategy(), id.prefix(), id.length(), id.alphabet(),
                id.pattern(), id.type(), 1, List.of(), MAX_ROWS,
                references(item, resource.schemas(), tableBySchema), merged, location(resource.spec()), null, false);
    }

    /**
     * Fields holding another resource's id, for {@code expand[]}: a property that is either a string or that
     * resource's object (Stripe's {@code customer: anyOf [string, $ref customer]}).
     */
    private static Map<String, String> references(ItemShape item, SchemaLookup schemas,
                                                  Map<String, String> tableBySchema) {
        Map<String, String> references = new LinkedHashMap<>();
        item.properties().forEach((name, property) -> {
            Schema<?> resolved = schemas.resolve(property);
            if (resolved == null) {
                return;
            }
            List<Schema> branches = new ArrayList<>();
            if (resolved.getAnyOf() != null) {
                branches.addAll(resolved.getAnyOf());
            }
            if (resolved.getOneOf() != null) {
                branches.addAll(resolved.getOneOf());
            }
            boolean holdsId = branches.stream().anyMatch(b -> "string".equals(SchemaLookup.type(schemas.resolve(b))));
            if (!holdsId) {
                return;
            }
            for (Schema<?> branch : branches) {
                String table = tableBySchema.get(SchemaLookup.refName(branch));
                if (table != null) {
                    references.put(name, table);
                    return;
                }
            }
        });
        return references;
    }

    private List<Binding> bindings(Found resource, String table, boolean lists) {
        List<Binding> bindings = new ArrayList<>();
        SpecResource spec = resource.resource();
        for (SpecResource.Operation operation : spec.operations()) {
            ApiOperation api = operation.operation();
            if (writtenBindings.containsKey(api.id())
                    || operation.action() == Binding.Action.LIST && !lists
                    || operation.action() == Binding.Action.CREATE && answersArray(api, resource.schemas())) {
                continue;
            }
            boolean onItem = operation.action() != Binding.Action.LIST && operation.action() != Binding.Action.CREATE;
            bindings.add(new Binding(api.id(), table, operation.action(), null, onItem ? spec.idParam() : null,
                    parentFields(resource.item()), "/stateful", location(resource.spec()), true));
        }
        return bindings;
    }

    /** Parent parameters stored under another name than their own (the path's {@code AccountSid} as {@code account_sid}). */
    private static Map<String, String> parentFields(ItemShape item) {
        return item.parentFields().entrySet().stream().filter(e -> !e.getKey().equals(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A POST answering a list is a batch or a search, not the create of one row. */
    private static boolean answersArray(ApiOperation operation, SchemaLookup schemas) {
        return schemas.items(OperationBodies.schema(operation)) != null;
    }

    private SourceLocation location(SpecDocument spec) {
        SourceLocation written = config.stateful().location();
        return written != null ? written : SourceLocation.of(spec.file());
    }

    private record Found(SpecDocument spec, SpecResource resource, ItemShape item, SchemaLookup schemas,
                         SpecAnswers answers) {
    }
}
