package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates whose body named the id of a row that already existed ({@code create.upsert}): Alertmanager's POST of a
 * silence with its {@code id} updates that silence in place and answers as a create does. A table is taken to upsert
 * when such a create succeeded and none was refused as a conflict (409); the row takes the fields sent.
 */
public final class CreateUpserts {
    private final Map<Resource, Counts> byResource = new LinkedHashMap<>();

    private static final class Counts {
        long upserts;
        long conflicts;
    }

    /**
     * A create that named an id in its body.
     *
     * @param existed whether a row with that id was known (created or read, not deleted) before this create
     */
    public void attempt(Resource resource, JsonNode sent, int status, boolean existed) {
        JsonNode id = sent == null || !sent.isObject() ? null : sent.get(resource.idField);
        if (id == null || !id.isValueNode() || id.isNull() || !existed) {
            return;
        }
        Counts counts = byResource.computeIfAbsent(resource, r -> new Counts());
        if (status >= 200 && status < 300) {
            counts.upserts++;
        } else if (status == 409) {
            counts.conflicts++;
        }
    }

    /** Writes {@code create.upsert: true} into each resource whose creates updated rows and never conflicted. */
    public void settle() {
        byResource.forEach((resource, counts) -> {
            if (counts.upserts == 0) {
                return;
            }
            if (counts.conflicts > 0) {
                resource.evidence.add("create: " + counts.upserts + " create(s) naming an existing row's "
                        + resource.idField + " succeeded and " + counts.conflicts + " answered 409; conflicting "
                        + "evidence, no upsert inferred (left for a human)");
                return;
            }
            if (resource.create == null) {
                return;
            }
            resource.create.upsert = true;
            resource.evidence.add("create: " + counts.upserts + " create(s) named an existing row's '"
                    + resource.idField + "' and succeeded, none was refused as a conflict: a create naming an "
                    + "existing row replaces it with the fields sent (upsert)" + (counts.upserts == 1
                    ? " (one sample: low confidence)" : ""));
        });
    }
}
