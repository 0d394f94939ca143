package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.schema.ShapeAggregate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The delete answer: its status, and its body as a template ({id: "{{item.id}}", deleted: true}). */
final class DeleteConvention {
    private DeleteConvention() {
    }

    static Map<String, Object> detect(OperationStats delete, Resource resource) {
        int status = delete.mainSuccessStatus();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        ResponseStats ok = delete.responses().get(status);
        if (ok != null && status != 204 && ok.hasJson() && ok.body().isObject()) {
            Map<String, Object> body = new LinkedHashMap<>();
            ShapeAggregate shape = ok.body();
            for (Map.Entry<String, ShapeAggregate> p : shape.properties().entrySet()) {
                long echoes = delete.echoesOfLastParam().getOrDefault(p.getKey(), 0L);
                JsonNode constant = p.getValue().constant();
                if (echoes > 0 && echoes == delete.successObjects()) {
                    body.put(p.getKey(), "{{item." + resource.idField + "}}");
                } else if (resource.revisionField != null && p.getValue().isRevision()) {
                    body.put(p.getKey(), "{{item." + resource.revisionField + "}}");
                } else if (constant != null) {
                    body.put(p.getKey(), constant);
                }
            }
            out.put("body", body);
            resource.evidence.add("delete: answered " + status + " with " + body.keySet() + " ("
                    + ok.count() + " sample" + (ok.count() == 1 ? "" : "s") + ")");
        } else {
            resource.evidence.add("delete: answered " + status + " without a JSON body");
        }
        return out;
    }
}
