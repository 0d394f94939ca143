package dev.twin.inference.resource;
import dev.twin.replayer.config.Binding.Action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables that only read ({@code get}, {@code list}) whose rows appeared or vanished between two reads of the same
 * id: a write the twin binds to no table changed them (verdaccio's {@code GET /{package}/{version}} answered 404
 * once a PUT of the whole package document left that version out). Served from a table, such a row would stay as
 * it was seeded; the recording's reads, replayed in recorded order, follow the change instead. A table other tables
 * lean on (a parent, a reference) is kept.
 */
public final class RowsChangedElsewhere {
    private static final int MAX_IDS = 20_000;

    private final Set<Resource> readOnly = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Per read-only table, each id read: whether its last read found it. */
    private final Map<Resource, Map<String, Boolean>> found = new HashMap<>();
    /** Per table, the first id seen to change and how ("answered 404 after answering 200"). */
    private final Map<Resource, String> changes = new LinkedHashMap<>();

    public RowsChangedElsewhere(List<Resource> resources) {
        for (Resource resource : resources) {
            if (resource.bindings().stream().allMatch(b -> b.action() == Action.GET || b.action() == Action.LIST)) {
                readOnly.add(resource);
            }
        }
    }

    /** The operations ("METHOD template") of read-only tables: they may end up replayed. */
    public Set<String> readOnlyOperations() {
        Set<String> out = new java.util.HashSet<>();
        readOnly.forEach(r -> r.bindings().forEach(b -> out.add(b.op().key())));
        return out;
    }

    /** An item read of a table, in recording order: 2xx found the row, 404 did not; other statuses say nothing. */
    public void read(Resource resource, String id, int status) {
        if (!readOnly.contains(resource) || changes.containsKey(resource) || id == null) {
            return;
        }
        boolean now;
        if (status >= 200 && status < 300) {
            now = true;
        } else if (status == 404) {
            now = false;
        } else {
            return;
        }
        Map<String, Boolean> ids = found.computeIfAbsent(resource, r -> new HashMap<>());
        Boolean before = ids.get(id);
        if (before != null && before != now) {
            changes.put(resource, "'" + id + "' answered "
                    + (now ? "200 after answering 404" : "404 after answering 200"));
            found.remove(resource);
        } else if (before == null && ids.size() < MAX_IDS) {
            ids.put(id, now);
        }
    }

    /**
     * The tables to leave to replay, each with a line of evidence in {@code evidence}; tables another table names
     * as its parent or reference stay.
     */
    public List<Resource> settle(List<Resource> resources, List<String> evidence) {
        List<Resource> out = new ArrayList<>();
        changes.forEach((resource, change) -> {
            String leanedOnBy = leanedOnBy(resource, resources);
            if (leanedOnBy != null) {
                resource.evidence().add("rows changed through writes bound to no table (" + change + "); kept as a "
                        + "table since " + leanedOnBy + " names it: its reads answer from the seed (check by hand)");
                return;
            }
            out.add(resource);
            evidence.add("`" + resource.itemPath() + "`: no table — its rows changed through writes bound to no "
                    + "table (" + change + "), so its reads are replayed in recorded order rather than answered "
                    + "from seed rows that would never change");
        });
        return out;
    }

    private static String leanedOnBy(Resource resource, List<Resource> resources) {
        for (Resource other : resources) {
            if (other == resource) {
                continue;
            }
            if (other.collectionPath().startsWith(resource.itemPath() + "/")
                    || other.parentTables().values().stream().anyMatch(parent -> parent.table().equals(resource.table()))
                    || other.references().containsValue(resource.table())) {
                return "table " + other.table();
            }
        }
        return null;
    }
}
