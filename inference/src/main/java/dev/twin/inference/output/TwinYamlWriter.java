package dev.twin.inference.output;

import dev.twin.inference.InferredTwin;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.resource.IdShape;
import dev.twin.inference.resource.Resource;
import dev.twin.inference.transition.Transition;

import dev.twin.replayer.config.Binding.Action;
import dev.twin.replayer.config.EtagScheme;
import dev.twin.replayer.config.JsonFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** twin.yaml: imports the inferred (and official) spec, declares the tables, binds the operations. */
public final class TwinYamlWriter {
    /** The actions a parent check is written for ({@code parentTables}): those whose refusals are its evidence. */
    private static final java.util.Set<Action> WRITES = java.util.Set.of(Action.CREATE, Action.UPDATE, Action.PATCH);

    public static final String NAMESPACE = "api";
    public static final String OFFICIAL_NAMESPACE = "official";

    private TwinYamlWriter() {
    }

    /** What every answer shares: constant headers, the JSON layout, the ETag digest, a write counter. */
    private static Map<String, Object> server(InferredTwin twin) {
        Map<String, Object> server = new LinkedHashMap<>();
        if (!twin.apiHeaders().isEmpty()) {
            server.put("headers", new TreeMap<>(twin.apiHeaders()));
        }
        JsonFormat layout = twin.answerLayout().layout();
        if (!layout.equals(JsonFormat.COMPACT)) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (!layout.compact()) {
                json.put("indent", layout.tabs() ? "tab" : layout.indent());
            }
            if (layout.newline()) {
                json.put("newline", true);
            }
            if (layout.sortKeys()) {
                json.put("sortKeys", true);
            }
            server.put("json", json);
        }
        if (!twin.ownOrigins().isEmpty()) {
            server.put("rebase", twin.ownOrigins());
        }
        if (twin.answerLayout().etag() != EtagScheme.NONE) {
            server.put("etag", twin.answerLayout().etag().yamlName());
        }
        if (twin.answerLayout().errorEtag() != null) {
            server.put("errorEtag", twin.answerLayout().errorEtag().yamlName());
        }
        if (twin.writeCounter() != null) {
            server.put("writeCounter", entry("header", twin.writeCounter().header(), "start",
                    twin.writeCounter().start()));
        }
        return server;
    }

    /** @param officialFile the official spec's file name in the output directory, or null */
    public static String write(InferredTwin twin, OpenApiWriter openApi, String officialFile) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        List<Object> imports = new ArrayList<>();
        imports.add(entry("path", "openapi.yaml", "as", NAMESPACE));
        if (officialFile != null) {
            imports.add(entry("path", officialFile, "as", OFFICIAL_NAMESPACE));
        }
        doc.put("imports", imports);
        Map<String, Object> server = server(twin);
        if (!server.isEmpty()) {
            doc.put("server", server);
        }
        Map<String, Object> conventions = new LinkedHashMap<>();
        if (twin.timestampFormat() != null) {
            conventions.put("timestamps", Map.of("format", twin.timestampFormat()));
        }
        if (!twin.errors().isEmpty()) {
            conventions.put("errors", twin.errors().toYaml());
        }
        if (!conventions.isEmpty()) {
            doc.put("conventions", conventions);
        }
        List<Object> tables = new ArrayList<>();
        List<Object> extend = new ArrayList<>();
        for (Resource resource : twin.resources()) {
            tables.add(table(twin, resource));
            resource.bindings().forEach(b -> {
                Map<String, Object> binding = binding(openApi, b.op(), resource, b.action(), b.parentFields());
                if (b.view() != null) {
                    binding.put("view", b.view().toYaml());
                }
                // the evidence is refused writes: reads under a missing parent keep the row's own 404
                Map<String, Object> parents = new java.util.TreeMap<>();
                resource.parentTables().forEach((param, parent) -> {
                    if (b.op().path().params().contains(param)) {
                        parents.put(param, parent.toYaml());
                    }
                });
                if (!parents.isEmpty() && WRITES.contains(b.action())) {
                    binding.put("parentTables", parents);
                }
                extend.add(binding);
            });
        }
        List<Object> custom = new ArrayList<>();
        for (Transition transition : twin.transitions()) {
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("mock", (openApi.isOfficial(transition.op()) ? OFFICIAL_NAMESPACE : NAMESPACE) + "."
                    + openApi.operationIdOf(transition.op()));
            binding.put("table", transition.table());
            binding.put("action", Action.CUSTOM.yamlName());
            binding.put("operation", transition.name());
            extend.add(binding);
            custom.add(customOperation(transition));
        }
        if (!tables.isEmpty()) {
            doc.put("tables", tables);
            doc.put("extend", extend);
        }
        if (!custom.isEmpty()) {
            doc.put("customOperations", custom);
        }
        if (!twin.replayed().isEmpty()) {
            doc.put("replay", Map.of("store", TwinFiles.RECORDINGS_FILE));
        }
        return "# Inferred by `twin infer` from " + twin.source() + ". See inference-report.md for the evidence.\n"
                + Yaml.write(doc);
    }

    private static Map<String, Object> table(InferredTwin twin, Resource resource) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", resource.table());
        table.put("idField", resource.idField());
        IdShape id = resource.idShape();
        table.put("idStrategy", id.strategy());
        switch (id.strategy()) {
            case "prefix" -> {
                table.put("idPrefix", id.prefix());
                table.put("idLength", id.length());
                table.put("idAlphabet", id.alphabet());
            }
            case "pattern" -> table.put("idPattern", id.pattern());
            case "sequence" -> {
                if (resource.numericIds()) {
                    table.put("idType", "integer");
                }
                if (resource.firstCreatedId() > 1) {
                    table.put("idStart", resource.firstCreatedId());
                }
            }
            default -> { }
        }
        if (resource.idLast()) {
            table.put("idPosition", "last");
        }
        if (!twin.seeds().getOrDefault(resource.table(), List.of()).isEmpty()) {
            table.put("seedFile", "seed/" + resource.table() + ".json");
        }
        if (!resource.references().isEmpty()) {
            table.put("references", resource.references());
        }
        if (resource.embedParam() != null) {
            Map<String, Object> embed = new LinkedHashMap<>();
            embed.put("param", resource.embedParam());
            embed.put("children", resource.embedChildren());
            table.put("embed", embed);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        if (!resource.timestampFields().isEmpty()) {
            Map<String, Object> timestamps = new LinkedHashMap<>();
            if (!resource.timestampFormat().equals(twin.timestampFormat())) {
                timestamps.put("format", resource.timestampFormat());
            }
            timestamps.put("fields", resource.timestampFields());
            response.put("timestamps", timestamps);
        }
        response.putAll(resource.responseYaml());
        if (!response.isEmpty()) {
            table.put("response", response);
        }
        return table;
    }

    private static Map<String, Object> binding(OpenApiWriter openApi, OperationStats op, Resource resource,
                                               Action action, Map<String, String> parentFields) {
        Map<String, Object> binding = new LinkedHashMap<>();
        String namespace = openApi.isOfficial(op) ? OFFICIAL_NAMESPACE : NAMESPACE;
        binding.put("mock", namespace + "." + openApi.operationIdOf(op));
        binding.put("table", resource.table());
        binding.put("action", action.yamlName());
        if (!parentFields.isEmpty()) {
            binding.put("parentFields", parentFields);
        }
        return binding;
    }

    /**
     * Read the row the path names, check the inferred precondition, set the inferred fields, answer the row (or no
     * body, for a soft delete whose recorded answers had none).
     */
    private static Map<String, Object> customOperation(Transition transition) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("name", transition.name());
        List<Object> steps = new ArrayList<>();
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("type", "read");
        read.put("table", transition.table());
        read.put("id", transition.idParam().matches("[A-Za-z_][A-Za-z0-9_]*") ? "input." + transition.idParam()
                : "input['" + transition.idParam() + "']");
        read.put("as", "row");
        steps.add(read);
        if (transition.precondition() != null) {
            Map<String, Object> validate = new LinkedHashMap<>();
            validate.put("type", "validate");
            validate.put("check", transition.precondition());
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("kind", transition.failure().kind());
            if (transition.failure().code() != null) {
                error.put("code", transition.failure().code());
            }
            if (transition.failure().message() != null) {
                error.put("message", transition.failure().message());
            }
            validate.put("error", error);
            steps.add(validate);
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("type", "update");
        update.put("table", transition.table());
        update.put("id", "row." + transition.idField());
        update.put("set", transition.sets());
        steps.add(update);
        op.put("steps", steps);
        op.put("response", transition.answersRow() ? "row" : "null");
        return op;
    }

    private static Map<String, Object> entry(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
