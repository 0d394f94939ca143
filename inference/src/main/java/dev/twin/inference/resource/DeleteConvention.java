package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.schema.ShapeAggregate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The delete answer: its status, and its body as a template ({id: "{{item.id}}", deleted: true}). */
final class DeleteConvention {
    private DeleteConvention() {
    }

    static DeleteAnswer detect(OperationStats delete, Resource resource) {
        int status = delete.mainSuccessStatus();
        ResponseStats ok = delete.responses().get(status);
        if (ok != null && status != 204 && ok.hasJson() && ok.body().isObject()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ShapeAggregate shape = ok.body();
            for (Map.Entry<String, ShapeAggregate> p : shape.properties().entrySet()) {
                long echoes = delete.echoesOfLastParam().getOrDefault(p.getKey(), 0L);
                JsonNode constant = p.getValue().constant();
                if (echoes > 0 && echoes == delete.successObjects()) {
                    body.put(p.getKey(), "{{item." + resource.idField + "}}");
                } else if (resource.revisionField != null && p.getValue().isRevision()) {
                    body.put(p.getKey(), "{{item." + resource.revisionField + "}}");
                } else if (constant != null) {
                    body.set(p.getKey(), constant);
                }
            }
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            resource.evidence.add("delete: answered " + status + " with " + fields + " ("
                    + ok.count() + " sample" + (ok.count() == 1 ? "" : "s") + ")");
            return new DeleteAnswer(status, body, false, List.of());
        }
        resource.evidence.add("delete: answered " + status + " without a JSON body");
        return new DeleteAnswer(status, null, false, List.of());
    }
}
