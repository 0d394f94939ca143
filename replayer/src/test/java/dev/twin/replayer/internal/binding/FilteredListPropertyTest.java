package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lists filtered by an indexed field (a reference, {@code ?owner=}) and by a parent path parameter
 * ({@code /groups/{groupId}/things}, bound with {@code parentFields}), alone, together and with a filter on a field
 * that has no index, over real sockets while two tenants create rows, move them between owners and groups and
 * delete them (seed rows too), in a seeded random order: every page, total and cursor matches a naive reference.
 */
class FilteredListPropertyTest {
    private static final List<String> OWNERS = List.of("o1", "o2", "o3");
    private static final List<String> GROUPS = List.of("g1", "g2");
    private static final List<String> NAMES = List.of("a", "b");
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: things, version: '1'}
            components:
              requestBodies:
                thing:
                  content: {application/x-www-form-urlencoded: {schema: {type: object, properties: {
                            name: {type: string}, owner: {type: string}, group: {type: string}}}}}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses: {'200': {description: ok}}
                post:
                  operationId: createThing
                  requestBody: {$ref: '#/components/requestBodies/thing'}
                  responses: {'200': {description: ok}}
              /groups/{groupId}/things:
                parameters: [{name: groupId, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: listGroupThings
                  responses: {'200': {description: ok}}
              /things/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                post:
                  operationId: updateThing
                  requestBody: {$ref: '#/components/requestBodies/thing'}
                  responses: {'200': {description: ok}}
                delete:
                  operationId: deleteThing
                  responses: {'200': {description: ok}}
            """;

    /** A row as the reference keeps it. */
    private record Thing(String id, String name, String owner, String group) {
    }

    @TempDir
    Path dir;
    private RunningTwin twin;
    private final Random random = new Random(20261218);
    private final Map<String, List<Thing>> oldestFirst = new LinkedHashMap<>();
    /** The table answers {@code owner: null} for a row without one (an injected default). */
    private boolean ownerDefault;

    @AfterEach
    void stop() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void cursorPagesOfFilteredListsMatchTheReferenceWhileRowsMoveBetweenValues() throws Exception {
        twin = start("{style: cursor, dataField: data, defaultLimit: 10, maxLimit: 100, totalField: total_count}");
        for (int step = 0; step < 240; step++) {
            change(random.nextBoolean() ? "sk_a" : "sk_b", step);
            if (step % 24 == 23) {
                for (String key : oldestFirst.keySet()) {
                    String owner = OWNERS.get(random.nextInt(OWNERS.size()));
                    String group = GROUPS.get(random.nextInt(GROUPS.size()));
                    String name = NAMES.get(random.nextInt(NAMES.size()));
                    assertCursorWalk(key, "/things?owner=" + owner, ownedBy(key, owner));
                    assertCursorWalk(key, "/groups/" + group + "/things", t -> group.equals(t.group()));
                    assertCursorWalk(key, "/groups/" + group + "/things?owner=" + owner,
                            t -> group.equals(t.group()) && ownedBy(key, owner).test(t));
                    assertCursorWalk(key, "/things?name=" + name + "&owner=" + owner,
                            t -> name.equals(t.name()) && ownedBy(key, owner).test(t));
                    assertCursorWalk(key, "/things?owner=nobody", ownedBy(key, "nobody"));
                    assertEndingBeforeWindow(key, owner);
                }
            }
        }
    }

    @Test
    void offsetPagesOldestFirstWithADefaultOwnerMatchTheReferenceWithTheirTotalHeader() throws Exception {
        ownerDefault = true;
        twin = start("{style: offset, bareArray: true, order: oldest-first, limitParam: _limit, pageParam: _page,"
                + " totalHeader: X-Total-Count, defaultLimit: 0, maxLimit: 1000}");
        for (int step = 0; step < 160; step++) {
            change(random.nextBoolean() ? "sk_a" : "sk_b", step);
            if (step % 20 == 19) {
                for (String key : oldestFirst.keySet()) {
                    String owner = OWNERS.get(random.nextInt(OWNERS.size()));
                    String group = GROUPS.get(random.nextInt(GROUPS.size()));
                    assertOffsetPages(key, "/things?owner=" + owner, ownedBy(key, owner));
                    assertOffsetPages(key, "/groups/" + group + "/things", t -> group.equals(t.group()));
                }
            }
        }
    }

    /** One random write of a tenant: a create, an update moving a row to another owner or group, or a delete. */
    private void change(String key, int step) throws Exception {
        List<Thing> rows = rows(key);
        int op = random.nextInt(10);
        if (op < 5 || rows.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            String name = NAMES.get(random.nextInt(NAMES.size()));
            String owner = random.nextInt(6) == 0 ? null : OWNERS.get(random.nextInt(OWNERS.size()));
            String group = GROUPS.get(random.nextInt(GROUPS.size()));
            form.put("name", name);
            if (owner != null) {
                form.put("owner", owner);
            }
            form.put("group", group);
            RunningTwin.Reply created = twin.postForm("/things", key, form);
            assertEquals(200, created.status(), created.raw().body());
            rows.add(new Thing(created.body().get("id").asText(), name, owner, group));
        } else if (op < 8) {
            int at = random.nextInt(rows.size());
            Thing thing = rows.get(at);
            String owner = OWNERS.get(random.nextInt(OWNERS.size()));
            String group = random.nextBoolean() ? thing.group() : GROUPS.get(random.nextInt(GROUPS.size()));
            RunningTwin.Reply updated = twin.postForm("/things/" + thing.id(), key,
                    Map.of("owner", owner, "group", group));
            assertEquals(200, updated.status(), updated.raw().body());
            rows.set(at, new Thing(thing.id(), thing.name(), owner, group));
        } else {
            Thing thing = rows.remove(random.nextInt(rows.size()));
            assertEquals(200, twin.delete("/things/" + thing.id(), key).status(), "delete at step " + step);
        }
    }

    private List<Thing> rows(String key) {
        return oldestFirst.computeIfAbsent(key, k -> {
            List<Thing> seeds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                seeds.add(seed(i));
            }
            return seeds;
        });
    }

    private void assertCursorWalk(String key, String path, Predicate<Thing> filter) throws Exception {
        List<String> expected = newestFirst(key, filter);
        List<String> seen = new ArrayList<>();
        String after = null;
        String separator = path.contains("?") ? "&" : "?";
        for (int pages = 0; pages < 1_000; pages++) {
            int limit = 1 + random.nextInt(6);
            RunningTwin.Reply reply = twin.get(path + separator + "limit=" + limit
                    + (after == null ? "" : "&starting_after=" + after), key);
            assertEquals(200, reply.status(), reply.raw().body());
            JsonNode page = reply.body();
            assertEquals(expected.size(), page.get("total_count").asInt(), "total of " + path);
            List<String> ids = ids(page.get("data"));
            seen.addAll(ids);
            if (!page.get("has_more").asBoolean()) {
                assertEquals(expected, seen, key + " " + path);
                return;
            }
            after = ids.get(ids.size() - 1);
        }
        throw new AssertionError("paging did not end: " + seen);
    }

    private void assertEndingBeforeWindow(String key, String owner) throws Exception {
        List<String> expected = newestFirst(key, ownedBy(key, owner));
        if (expected.isEmpty()) {
            return;
        }
        int at = random.nextInt(expected.size());
        int limit = 1 + random.nextInt(4);
        JsonNode page = twin.get("/things?owner=" + owner + "&limit=" + limit + "&ending_before=" + expected.get(at),
                key).body();
        int start = Math.max(0, at - limit);
        assertEquals(expected.subList(start, at), ids(page.get("data")), "ending_before " + expected.get(at));
        assertEquals(start > 0, page.get("has_more").asBoolean());
    }

    private void assertOffsetPages(String key, String path, Predicate<Thing> filter) throws Exception {
        List<String> expected = newestFirst(key, filter);
        Collections.reverse(expected);
        int limit = 1 + random.nextInt(5);
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= expected.size() / limit + 1; page++) {
            RunningTwin.Reply reply = twin.get(path + (path.contains("?") ? "&" : "?") + "_limit=" + limit
                    + "&_page=" + page, key);
            assertEquals(200, reply.status(), reply.raw().body());
            assertEquals(String.valueOf(expected.size()),
                    reply.raw().headers().firstValue("X-Total-Count").orElse(null), "total of " + path);
            seen.addAll(ids(reply.body()));
        }
        assertEquals(expected, seen, key + " " + path);
        assertEquals(expected, ids(twin.get(path, key).body()), key + " " + path + " unpaged");
    }

    /** The owner filter as lists apply it: ignored while none of the tenant's rows shows an owner. */
    private Predicate<Thing> ownedBy(String key, String owner) {
        boolean anyOwner = ownerDefault || rows(key).stream().anyMatch(t -> t.owner() != null);
        return t -> !anyOwner || owner.equals(t.owner());
    }

    /** The reference: the tenant's rows through the filter, newest first. */
    private List<String> newestFirst(String key, Predicate<Thing> filter) {
        List<Thing> rows = rows(key);
        List<String> ids = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (filter.test(rows.get(i))) {
                ids.add(rows.get(i).id());
            }
        }
        return ids;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Thing seed(int i) {
        return new Thing(String.format("th_seed%02d", i), NAMES.get(i % 2), i % 5 == 4 ? null : OWNERS.get(i % 3),
                GROUPS.get(i % 2));
    }

    private RunningTwin start(String listStyle) throws Exception {
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            Thing seed = seed(i);
            seeds.append("      - {id: ").append(seed.id()).append(", name: ").append(seed.name())
                    .append(seed.owner() == null ? "" : ", owner: " + seed.owner())
                    .append(", group: ").append(seed.group()).append("}\n");
        }
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path config = Files.writeString(dir.resolve("twin.yaml"), """
                imports:
                  - {path: spec.yaml, as: things}
                conventions:
                  list: %s
                  errors: {wrap: error}
                tables:
                  - name: owners
                    idField: id
                  - name: things
                    idField: id
                    idStrategy: prefix
                    idPrefix: th_
                    references: {owner: owners}
                    response: {fields: {inject: %s}}
                    seedData:
                """.formatted(listStyle, ownerDefault ? "{owner: null}" : "{}") + seeds + """
                extend:
                  - {mock: things.listThings, table: things, action: list}
                  - {mock: things.listGroupThings, table: things, action: list, parentFields: {groupId: group}}
                  - {mock: things.createThing, table: things, action: create}
                  - {mock: things.updateThing, table: things, action: patch}
                  - {mock: things.deleteThing, table: things, action: delete}
                """);
        return RunningTwin.of(config);
    }
}
