package dev.twin.replayer.internal.binding;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.config.CustomOperation;
import dev.twin.replayer.config.ItemEnvelope;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.config.ListView;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.ErrorBodies;
import dev.twin.replayer.internal.convention.Expansion;
import dev.twin.replayer.internal.convention.JsonTemplate;
import dev.twin.replayer.internal.convention.MagicRecords;
import dev.twin.replayer.internal.convention.Pagination;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.custom.CustomOperationRunner;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.Lazy;
import dev.twin.replayer.internal.state.FilteredField;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the {@code extend} bindings of a loaded twin.yaml into {@link CompiledBinding}s keyed by operation id,
 * checking each against the imported operations; every problem is reported at once. The checks need only the
 * config and the operation index, so they run at start; each action is built on its operation's first request.
 */
final class BindingCompiler {
    private final TwinConfig config;
    private final Function<String, ApiOperation> operations;
    private final Map<String, TableConventions> tables = new LinkedHashMap<>();
    private final Expansion expansion;
    private final ErrorBodies globalErrors;
    private final Map<String, Map<String, Object>> magic;
    /** Per table, the stored fields lists filter it by: references and every binding's parent fields. */
    private final Map<String, Set<String>> filterFields = new HashMap<>();
    /** The same, as far as an index can serve them; complete once {@link #compile} returned. */
    private final Map<String, Set<FilteredField>> indexedFields = new HashMap<>();

    BindingCompiler(TwinConfig config, Function<String, ApiOperation> operations) {
        this(config, operations, java.time.Clock.systemUTC());
    }

    /** @param clock the twin's clock, read by fields computed from it ({@code fields.byClock}) */
    BindingCompiler(TwinConfig config, Function<String, ApiOperation> operations, java.time.Clock clock) {
        this.config = config;
        this.operations = operations;
        Map<String, Expansion.ExpandableTable> expandable = new HashMap<>();
        for (TableConfig table : config.tables()) {
            TableConventions conventions = TableConventions.of(table, clock);
            tables.put(table.name(), conventions);
            expandable.put(table.name(), new Expansion.ExpandableTable(conventions.shaper(), table.references()));
            filterFields.computeIfAbsent(table.name(), name -> new LinkedHashSet<>())
                    .addAll(table.references().keySet());
            // a create limit that subtracts what the rows naming one row hold reads them through this index
            conventions.createLimits().values().stream().filter(l -> l.rule().less() != null)
                    .forEach(l -> filterFields.get(table.name()).add(l.rule().by()));
        }
        this.expansion = new Expansion(expandable);
        this.globalErrors = TableConventions.errors(config.conventions().errors());
        this.magic = MagicRecords.plain(config.sandbox().magic());
    }

    ErrorBodies globalErrors() {
        return globalErrors;
    }

    /**
     * Per table, the fields its lists filter by that an index can serve (a field the table's shape hides, renames
     * or fills from a template is left to the walk); complete once {@link #compile} returned.
     */
    Map<String, Set<FilteredField>> indexedFields() {
        return indexedFields;
    }

    Map<String, CompiledBinding> compile() throws ConfigException {
        Map<String, CompiledBinding> compiled = new HashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Binding binding : config.extend()) {
            ApiOperation operation = operations.apply(binding.mock());
            if (operation == null) {
                problems.add(new ConfigProblem(binding.location(), "extend: no imported operation "
                        + binding.mock()));
                continue;
            }
            try {
                compiled.put(operation.id(), compile(binding, operation));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(binding.location(), "extend " + binding.mock() + ": "
                        + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        filterFields.forEach((table, fields) -> {
            Set<FilteredField> served = new LinkedHashSet<>();
            fields.forEach(field -> tables.get(table).shaper().filteredField(field).ifPresent(served::add));
            indexedFields.put(table, Set.copyOf(served));
        });
        return compiled;
    }

    private CompiledBinding compile(Binding binding, ApiOperation operation) {
        List<String> pathParams = operation.pathParameterNames();
        boolean itemAction = switch (binding.action()) {
            case GET, PATCH, UPDATE, DELETE -> true;
            case CUSTOM -> binding.idParam() != null || !pathParams.isEmpty();
            case LIST, CREATE, SEARCH -> false;
        };
        String idParam = null;
        if (itemAction) {
            idParam = binding.idParam() != null ? binding.idParam()
                    : pathParams.isEmpty() ? null : pathParams.get(pathParams.size() - 1);
            if (idParam == null && binding.action() != Binding.Action.CUSTOM) {
                throw new IllegalArgumentException(binding.action().yamlName() + " needs a path parameter "
                        + "for the row id, but " + operation.pathTemplate() + " has none");
            }
            if (idParam != null && !pathParams.contains(idParam)) {
                throw new IllegalArgumentException(ConfigProblems.withSuggestion("idParam '" + idParam
                        + "' is not a path parameter of " + operation.pathTemplate(), idParam, pathParams));
            }
        }
        List<String> parents = new ArrayList<>(pathParams);
        parents.remove(idParam);

        TableConventions table = binding.table() == null ? null : tables.get(binding.table());
        if (binding.table() != null && table == null) {
            throw new IllegalArgumentException(ConfigProblems.withSuggestion("no table named '" + binding.table()
                    + "'", binding.table(), tables.keySet()));
        }
        ErrorBodies errors = table == null ? globalErrors : table.errors();
        // named custom operation checked now (a config error); the action itself is built on first use
        CustomOperationRunner runner = binding.action() == Binding.Action.CUSTOM ? runner(binding) : null;
        Lazy<BindingAction> action = new Lazy<>(() -> mediaTyped(enveloped(action(binding, operation, table,
                runner), binding.action(), table), table));
        for (String param : binding.parentFields().keySet()) {
            if (!parents.contains(param)) {
                throw new IllegalArgumentException(ConfigProblems.withSuggestion("parentFields: '" + param
                        + "' is not a parent path parameter of " + operation.pathTemplate(), param, parents));
            }
        }
        List<ParentRow> parentRows = new ArrayList<>();
        binding.parentTables().forEach((param, parentTable) -> {
            if (!parents.contains(param)) {
                throw new IllegalArgumentException(ConfigProblems.withSuggestion("parentTables: '" + param
                        + "' is not a parent path parameter of " + operation.pathTemplate(), param, parents));
            }
            parentRows.add(new ParentRow(param, tables.get(parentTable.table()), parentTable.notFound() == null
                    ? null : JsonTemplate.compile(parentTable.notFound())));
        });
        CompiledBinding compiled = new CompiledBinding(operation.id(), action, errors, idParam, parents,
                binding.parentFields(), !binding.derived() || errorsWritten(binding.table()), parentRows);
        if (table != null) {
            parents.forEach(param -> filterFields.computeIfAbsent(binding.table(), name -> new LinkedHashSet<>())
                    .add(compiled.parentField(param)));
        }
        return compiled;
    }

    /** An item action of a table whose item answers put the row under one member ({@code itemEnvelope}). */
    private static BindingAction enveloped(BindingAction action, Binding.Action kind, TableConventions table) {
        ItemEnvelope envelope = table == null ? null : table.itemEnvelope();
        return envelope == null || !envelope.wraps(kind) ? action
                : new EnvelopedAction(action, envelope.field(), envelope.extraFields(kind), envelope.previous(kind),
                table);
    }

    /** The action, answering the table's own media type when it has one other than {@code application/json}. */
    private static BindingAction mediaTyped(BindingAction action, TableConventions table) {
        return table == null || table.mediaType().equals(dev.twin.replayer.config.Conventions.JSON) ? action
                : new MediaTypedAction(action, table.mediaType());
    }

    /**
     * The action of a checked binding. Built on the operation's first request: the documented status and the
     * required body fields come from the operation's swagger model, which is costly to build for a large spec.
     */
    private BindingAction action(Binding binding, ApiOperation operation, TableConventions table,
                                 CustomOperationRunner runner) {
        int documented = lowestSuccess(operation.operation());
        return switch (binding.action()) {
            case LIST -> list(binding, table, orDefault(documented, 200));
            case SEARCH -> search(binding, table, orDefault(documented, 200));
            case GET -> new GetAction(rows(table), orDefault(documented, 200));
            case CREATE -> new CreateAction(rows(table), table.createStatus() != null
                    ? table.createStatus() : orDefault(documented, 201), requiredBodyFields(operation), magic);
            case PATCH -> new PatchAction(rows(table), orDefault(documented, 200), false, null);
            case UPDATE -> new PatchAction(rows(table), orDefault(documented, 200), true,
                    table.update().copyTo() == null ? null : tables.get(table.update().copyTo().table()));
            case DELETE -> new DeleteAction(rows(table), table.deleteStatus() != null
                    ? table.deleteStatus() : orDefault(documented, table.deleteBody() == null ? 204 : 200));
            case CUSTOM -> new CustomAction(runner, orDefault(documented, 200), table == null ? null : rows(table));
        };
    }

    /** A list of the table's rows, or of a view of them ({@code view:}) with list conventions of its own. */
    private BindingAction list(Binding binding, TableConventions table, int status) {
        ListStyle own = config.table(binding.table()).orElseThrow().response().list();
        ListView view = binding.view();
        // a view's list is its own: over the API-wide list conventions, not the table's
        ListStyle style = view == null ? own : ListStyle.DEFAULTS.merge(config.conventions().list()).merge(view.list());
        Pagination pagination = view == null ? table.pagination()
                : TableConventions.pagination(style, table.shaper().publicName(table.idField()), table.notFound());
        boolean idAscending = style.order() == ListStyle.Order.ID_ASCENDING && style.style() != ListStyle.Style.NONE;
        return new ListAction(table, expansion, style.dataField(), status,
                indexedFields.getOrDefault(binding.table(), Set.of()), binding.filters(), own.filters(), pagination,
                idAscending, view == null ? null : new ViewedRows(view, table.shaper().publicName(table.idField())),
                style.order() == ListStyle.Order.OLDEST_FIRST || style.order() == ListStyle.Order.ID_ASCENDING);
    }

    private BindingAction search(Binding binding, TableConventions table, int status) {
        var conventions = config.table(binding.table()).orElseThrow().response();
        var list = conventions.list();
        var style = conventions.search() == null ? dev.twin.replayer.config.SearchStyle.DEFAULTS
                : dev.twin.replayer.config.SearchStyle.DEFAULTS.merge(conventions.search());
        return new SearchAction(table, expansion, list.dataField(), status, binding.searchFields(), style,
                list.limitParam(), list.hasMoreField(), list.defaultLimit(), list.maxLimit());
    }

    /**
     * Whether twin.yaml writes an {@code errors} convention for this table, globally or in its own
     * {@code response:} (for bindings {@code stateful: auto} derived).
     */
    private boolean errorsWritten(String table) {
        var global = config.stateful().writtenConventions();
        var own = table == null ? null : config.stateful().writtenTables().get(table);
        return global != null && global.errors() != null
                || own != null && own.response() != null && own.response().errors() != null;
    }

    private Rows rows(TableConventions table) {
        return new Rows(table, expansion);
    }

    private CustomOperationRunner runner(Binding binding) {
        CustomOperation operation = config.customOperation(binding.operation()).orElseThrow(() ->
                new IllegalArgumentException(ConfigProblems.withSuggestion("no custom operation named '"
                        + binding.operation() + "'", String.valueOf(binding.operation()),
                        config.customOperations().stream().map(CustomOperation::name).toList())));
        return runner(operation);
    }

    /** A runner of the operation, whose call steps find the configuration's other operations. */
    CustomOperationRunner runner(CustomOperation operation) {
        return new CustomOperationRunner(operation, tables, name -> config.customOperation(name).orElse(null),
                magic);
    }

    private static int orDefault(int documented, int fallback) {
        return documented > 0 ? documented : fallback;
    }

    /** The lowest 2xx status the operation documents, or 0. */
    private static int lowestSuccess(Operation operation) {
        if (operation == null || operation.getResponses() == null) {
            return 0;
        }
        int lowest = 0;
        for (String code : operation.getResponses().keySet()) {
            if (code.length() == 3 && code.charAt(0) == '2' && Character.isDigit(code.charAt(1))
                    && Character.isDigit(code.charAt(2))) {
                int status = Integer.parseInt(code);
                lowest = lowest == 0 ? status : Math.min(lowest, status);
            }
        }
        return lowest;
    }

    /** The top-level properties the request body schema marks required (a $ref to components is followed). */
    private static List<String> requiredBodyFields(ApiOperation operation) {
        RequestBody body = operation.operation() == null ? null : operation.operation().getRequestBody();
        if (body == null || body.getContent() == null) {
            return List.of();
        }
        for (MediaType media : body.getContent().values()) {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.get$ref() != null && operation.components() != null
                    && operation.components().getSchemas() != null) {
                String ref = schema.get$ref();
                schema = operation.components().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (schema != null && schema.getRequired() != null) {
                return List.copyOf(schema.getRequired());
            }
        }
        return List.of();
    }
}
