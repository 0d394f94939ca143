package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.path.EchoedSegments;
import dev.twin.inference.path.PathMatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parent path parameters that must name a live row of another table ({@code extend[].parentTables}): RabbitMQ
 * refuses {@code PUT /api/queues/nowhere/q1} with 404 because vhost {@code nowhere} does not exist.
 *
 * <p>The evidence, followed in recording order: when each table's rows were created, seen and deleted, and every
 * call bound to a table under a parent. A parameter names table T's rows when a write (PUT or POST) under a value
 * that was no live row of T then was answered 404, some call under a live row of T succeeded, and no call under a
 * value that was no live row of T succeeded. Reads are no evidence (a missing row answers 404 anyway), and validation
 * the server never showed is not invented.
 */
public final class ParentRows {
    private static final int MAX_CALLS = 20_000;

    /** One call under parents: the resource, its parameters' values, the method and status, when, a 404's body. */
    private record Call(Resource resource, Map<String, String> parents, String method, int status, long at,
                        JsonNode notFound) {
    }

    /** An id's creates and deletes in recording order (time, true = created); any mention makes it known. */
    private static final class Life {
        private final List<long[]> changes = new ArrayList<>();

        void changed(long at, boolean created) {
            changes.add(new long[] {at, created ? 1 : 0});
        }

        /**
         * Live at {@code at}: the last change before it was a create; with none before it, the row existed before the
         * recording unless its first change is a create.
         */
        boolean liveAt(long at) {
            long[] before = null;
            long[] after = null;
            for (long[] change : changes) {
                if (change[0] < at) {
                    before = change;
                } else if (after == null) {
                    after = change;
                }
            }
            if (before != null) {
                return before[1] == 1;
            }
            return after == null || after[1] == 0;
        }
    }

    private final List<Resource> tables;
    private final Map<Resource, Map<String, Life>> lives = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private long at;

    public ParentRows(List<Resource> resources) {
        this.tables = List.copyOf(resources);
        resources.forEach(resource -> lives.put(resource, new HashMap<>()));
    }

    /** A call bound to {@code resource}, whatever its status; its path parameters before the row's own are parents. */
    public void call(Resource resource, PathMatch match, boolean itemPath, String method, int status,
                     JsonNode body) {
        at++;
        List<String> params = match.template().params();
        int parents = itemPath ? params.size() - 1 : params.size();
        if (parents <= 0 || calls.size() >= MAX_CALLS) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parents && i < match.values().size(); i++) {
            values.put(params.get(i), EchoedSegments.decode(match.values().get(i)));
        }
        calls.add(new Call(resource, values, method, status, at, status == 404 ? body : null));
    }

    public void created(Resource table, String id) {
        Life life = life(table, id);
        if (life != null) {
            life.changed(at, true);
        }
    }

    /** An id a successful read or write named: known to exist (or to have existed). */
    public void seen(Resource table, String id) {
        life(table, id);
    }

    public void seenRow(Resource table, JsonNode row) {
        if (row != null && row.hasNonNull(table.idField()) && !row.get(table.idField()).isContainerNode()) {
            seen(table, row.get(table.idField()).asText());
        }
    }

    public void deleted(Resource table, String id) {
        Life life = life(table, id);
        if (life != null) {
            life.changed(at, false);
        }
    }

    private Life life(Resource table, String id) {
        Map<String, Life> ids = lives.get(table);
        return ids == null || id == null ? null : ids.computeIfAbsent(EchoedSegments.decode(id), i -> new Life());
    }

    /**
     * Writes {@code parentTables} into each resource whose evidence holds, with the body the refusals answered when
     * they all answered one other than {@code apiWideNotFound}; says why in its evidence.
     */
    public void settle(JsonNode apiWideNotFound) {
        Map<Resource, TreeMap<String, List<Call>>> byParam = new LinkedHashMap<>();
        for (Call call : calls) {
            call.parents().keySet().forEach(param -> byParam.computeIfAbsent(call.resource(), r -> new TreeMap<>())
                    .computeIfAbsent(param, p -> new ArrayList<>()).add(call));
        }
        byParam.forEach((resource, params) -> params.forEach((param, paramCalls) -> {
            Resource found = null;
            String evidence = null;
            for (Resource table : tables) {
                if (table == resource) {
                    continue;
                }
                String holds = holds(table, param, paramCalls);
                if (holds != null) {
                    if (found != null) {
                        resource.evidence.add("parent '" + param + "': both " + found.table() + " and "
                                + table.table() + " fit; no parent check");
                        return;
                    }
                    found = table;
                    evidence = holds;
                }
            }
            if (found != null) {
                JsonNode body = refusalBody(found, param, paramCalls);
                boolean own = body != null && !body.equals(apiWideNotFound);
                resource.parentTables.put(param, new ParentTable(found.table(), own ? body : null));
                resource.evidence.add("parent '" + param + "' names a row of " + found.table() + ": " + evidence
                        + (own ? "; the refusals answered " + body : ""));
            }
        }));
    }

    /**
     * The one body every refused write answered, the missing parent's value in its strings written
     * {@code {{parent}}} ({@code "no post 99"} → {@code "no post {{parent}}"}); null when they answered none or
     * several.
     */
    private JsonNode refusalBody(Resource table, String param, List<Call> paramCalls) {
        JsonNode body = null;
        for (Call call : paramCalls) {
            String value = call.parents().get(param);
            Life life = lives.get(table).get(value);
            if (call.status() == 404 && (life == null || !life.liveAt(call.at()))) {
                JsonNode templated = call.notFound() == null ? null
                        : ValueTokens.templated(call.notFound(), Map.of(value, "{{parent}}"));
                if (templated == null || body != null && !body.equals(templated)) {
                    return null;
                }
                body = templated;
            }
        }
        return body;
    }

    /** Why {@code param} names rows of {@code table}, or null when the calls do not show it. */
    private String holds(Resource table, String param, List<Call> paramCalls) {
        Map<String, Life> ids = lives.get(table);
        int refused = 0;
        int live = 0;
        String example = null;
        for (Call call : paramCalls) {
            String value = call.parents().get(param);
            Life life = ids.get(value);
            boolean liveThen = life != null && life.liveAt(call.at());
            boolean success = call.status() >= 200 && call.status() < 300;
            if (success && !liveThen) {
                return null;
            }
            if (success) {
                live++;
            } else if (call.status() == 404 && !liveThen
                    && (call.method().equals("PUT") || call.method().equals("POST"))) {
                refused++;
                example = call.method() + " under '" + value + "'";
            }
        }
        return refused > 0 && live > 0 ? refused + " write" + (refused == 1 ? "" : "s") + " under no live row answered"
                + " 404 (" + example + "), " + live + " call" + (live == 1 ? "" : "s") + " under live rows succeeded,"
                + " none under a missing one" : null;
    }

}
