package dev.twin.inference.output;

import dev.twin.inference.InferredTwin;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.resource.IdShape;
import dev.twin.inference.resource.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** twin.yaml: imports the inferred (and official) spec, declares the tables, binds the operations. */
public final class TwinYamlWriter {
    public static final String NAMESPACE = "api";
    public static final String OFFICIAL_NAMESPACE = "official";

    private TwinYamlWriter() {
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
        Map<String, Object> conventions = new LinkedHashMap<>();
        if (twin.timestampFormat() != null) {
            conventions.put("timestamps", Map.of("format", twin.timestampFormat()));
        }
        if (!twin.errors().isEmpty()) {
            conventions.put("errors", twin.errors());
        }
        if (!conventions.isEmpty()) {
            doc.put("conventions", conventions);
        }
        List<Object> tables = new ArrayList<>();
        List<Object> extend = new ArrayList<>();
        for (Resource resource : twin.resources()) {
            tables.add(table(twin, resource));
            resource.bindings().forEach(b -> extend.add(binding(openApi, b.op(), resource, b.action(),
                    b.parentFields())));
        }
        if (!tables.isEmpty()) {
            doc.put("tables", tables);
            doc.put("extend", extend);
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
        if (!twin.seeds().getOrDefault(resource.table(), List.of()).isEmpty()) {
            table.put("seedFile", "seed/" + resource.table() + ".json");
        }
        if (!resource.references().isEmpty()) {
            table.put("references", resource.references());
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
        response.putAll(resource.response());
        if (!response.isEmpty()) {
            table.put("response", response);
        }
        return table;
    }

    private static Map<String, Object> binding(OpenApiWriter openApi, OperationStats op, Resource resource,
                                               String action, Map<String, String> parentFields) {
        Map<String, Object> binding = new LinkedHashMap<>();
        String namespace = openApi.isOfficial(op) ? OFFICIAL_NAMESPACE : NAMESPACE;
        binding.put("mock", namespace + "." + openApi.operationIdOf(op));
        binding.put("table", resource.table());
        binding.put("action", action);
        if (!parentFields.isEmpty()) {
            binding.put("parentFields", parentFields);
        }
        return binding;
    }

    private static Map<String, Object> entry(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
