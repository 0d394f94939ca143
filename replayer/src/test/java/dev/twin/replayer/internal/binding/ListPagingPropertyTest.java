package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cursor paging over seed rows and a tenant's own writes, with creates, updates and deletes (of seeds and of own
 * rows) interleaved by a seeded random: every walk forwards ({@code starting_after}) and backwards
 * ({@code ending_before}) matches a naive reference list kept beside the twin.
 */
class ListPagingPropertyTest {
    private static final int SEEDS = 25;
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: things, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses: {'200': {description: ok}}
                post:
                  operationId: createThing
                  requestBody:
                    content: {application/x-www-form-urlencoded: {schema: {type: object,
                              properties: {name: {type: string}}}}}
                  responses: {'200': {description: ok}}
              /things/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getThing
                  responses: {'200': {description: ok}}
                post:
                  operationId: updateThing
                  requestBody:
                    content: {application/x-www-form-urlencoded: {schema: {type: object,
                              properties: {name: {type: string}}}}}
                  responses: {'200': {description: ok}}
                delete:
                  operationId: deleteThing
                  responses: {'200': {description: ok}}
            """;

    @TempDir
    Path dir;
    private RunningTwin twin;
    private final Random random = new Random(20261206);

    @AfterEach
    void stop() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void pagesAcrossSeedsAndOverlayMatchTheReferenceOrderWhileRowsComeAndGo() throws Exception {
        twin = start();
        List<String> oldestFirst = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            oldestFirst.add(seedId(i));
        }
        List<String> deleted = new ArrayList<>();
        for (int step = 0; step < 160; step++) {
            int op = random.nextInt(10);
            if (op < 5 || oldestFirst.isEmpty()) {
                RunningTwin.Reply created = twin.postForm("/things", "sk_a", Map.of("name", "n" + step));
                assertEquals(200, created.status(), created.raw().body());
                oldestFirst.add(created.body().get("id").asText());
            } else if (op < 8) {
                String id = oldestFirst.remove(random.nextInt(oldestFirst.size()));
                assertEquals(200, twin.delete("/things/" + id, "sk_a").status());
                deleted.add(id);
            } else {
                String id = oldestFirst.get(random.nextInt(oldestFirst.size()));
                assertEquals(200, twin.postForm("/things/" + id, "sk_a", Map.of("name", "u" + step)).status());
            }
            if (random.nextInt(4) == 0) {
                twin.postForm("/things", "sk_b", Map.of("name", "other tenant"));
            }
            if (step % 20 == 19) {
                List<String> newestFirst = new ArrayList<>(oldestFirst);
                Collections.reverse(newestFirst);
                assertEquals(newestFirst, walkForwards("sk_a"), "forwards after step " + step);
                assertEquals(newestFirst.subList(0, Math.max(0, newestFirst.size() - 1)), walkBackwards("sk_a",
                        newestFirst), "backwards after step " + step);
                assertWindow(newestFirst);
            }
        }
        String gone = deleted.get(random.nextInt(deleted.size()));
        assertEquals(404, twin.get("/things?starting_after=" + gone, "sk_a").status(), "a deleted cursor");
    }

    @Test
    void aTenantThatNeverWroteListsTheSeedsNewestFirst() throws Exception {
        twin = start();
        List<String> newestFirst = new ArrayList<>();
        for (int i = SEEDS - 1; i >= 0; i--) {
            newestFirst.add(seedId(i));
        }

        assertEquals(newestFirst, walkForwards("sk_reader"));
    }

    private void assertWindow(List<String> newestFirst) throws Exception {
        if (newestFirst.isEmpty()) {
            return;
        }
        int at = random.nextInt(newestFirst.size());
        int limit = 1 + random.nextInt(5);
        JsonNode page = twin.get("/things?limit=" + limit + "&starting_after=" + newestFirst.get(at), "sk_a").body();
        List<String> expected = newestFirst.subList(at + 1, Math.min(newestFirst.size(), at + 1 + limit));
        assertEquals(expected, ids(page), "starting_after " + newestFirst.get(at));
        assertEquals(at + 1 + limit < newestFirst.size(), page.get("has_more").asBoolean());
    }

    private List<String> walkForwards(String key) throws Exception {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 1_000; pages++) {
            int limit = 1 + random.nextInt(7);
            JsonNode page = twin.get("/things?limit=" + limit + (after == null ? "" : "&starting_after=" + after),
                    key).body();
            List<String> ids = ids(page);
            seen.addAll(ids);
            if (!page.get("has_more").asBoolean()) {
                return seen;
            }
            after = ids.get(ids.size() - 1);
        }
        throw new AssertionError("paging did not end: " + seen);
    }

    /** From the oldest row towards the newest with ending_before: everything but the oldest, newest first. */
    private List<String> walkBackwards(String key, List<String> newestFirst) throws Exception {
        List<String> seen = new ArrayList<>();
        if (newestFirst.isEmpty()) {
            return seen;
        }
        String before = newestFirst.get(newestFirst.size() - 1);
        for (int pages = 0; pages < 1_000; pages++) {
            int limit = 1 + random.nextInt(7);
            JsonNode page = twin.get("/things?limit=" + limit + "&ending_before=" + before, key).body();
            List<String> ids = ids(page);
            seen.addAll(0, ids);
            if (!page.get("has_more").asBoolean()) {
                return seen;
            }
            before = ids.get(0);
        }
        throw new AssertionError("paging did not end: " + seen);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String seedId(int i) {
        return String.format("th_seed%02d", i);
    }

    private RunningTwin start() throws Exception {
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < SEEDS; i++) {
            seeds.append("      - {id: ").append(seedId(i)).append(", name: seed").append(i).append("}\n");
        }
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path config = Files.writeString(dir.resolve("twin.yaml"), """
                imports:
                  - {path: spec.yaml, as: things}
                conventions:
                  list: {style: cursor, dataField: data, defaultLimit: 10, maxLimit: 100}
                  errors: {wrap: error}
                tables:
                  - name: things
                    idField: id
                    idStrategy: prefix
                    idPrefix: th_
                    seedData:
                """ + seeds + """
                extend:
                  - {mock: things.listThings, table: things, action: list}
                  - {mock: things.createThing, table: things, action: create}
                  - {mock: things.getThing, table: things, action: get}
                  - {mock: things.updateThing, table: things, action: patch}
                  - {mock: things.deleteThing, table: things, action: delete}
                """);
        return RunningTwin.of(config);
    }
}
