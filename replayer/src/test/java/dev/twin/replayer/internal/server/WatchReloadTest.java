package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --watch: edits take effect without a restart; a broken edit keeps the running configuration. */
class WatchReloadTest {
    private static final String ONE_PATH = """
            {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {
              "/a": {"get": {"operationId": "GetA", "responses": {"200": {"description": "ok",
                "content": {"application/json": {"example": {"v": 1}}}}}}}}}
            """;
    private static final String TWO_PATHS = """
            {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {
              "/a": {"get": {"operationId": "GetA", "responses": {"200": {"description": "ok",
                "content": {"application/json": {"example": {"v": 2}}}}}}},
              "/b": {"get": {"operationId": "GetB", "responses": {"204": {"description": "none"}}}}}}
            """;

    @TempDir
    Path dir;

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void editedSpecIsServedWithoutRestartAndABrokenEditKeepsTheRunningOne() throws Exception {
        Path spec = Files.writeString(dir.resolve("api.json"), ONE_PATH);
        Path config = Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: api.json, as: api}\n");
        try (Twin twin = Twin.builder().config(config).watch(true).start()) {
            TwinServer server = twin.internals().server();
            Http http = new Http(server.baseUrl());
            assertEquals(404, http.get("/b").statusCode());

            Files.writeString(spec, TWO_PATHS);
            await(() -> server.api().operations().size() == 2, "the edited spec is loaded");
            assertEquals(204, http.get("/b").statusCode());
            assertEquals(2, Http.json(http.get("/a")).get("v").asInt());

            Files.writeString(spec, "{\"openapi\": \"3.0.0\", \"paths\": {");
            await(() -> server.lastReloadProblem() != null, "the broken edit is refused");
            assertTrue(server.lastReloadProblem().contains("api.json"), server.lastReloadProblem());
            assertEquals(204, http.get("/b").statusCode());

            Files.writeString(config, "imports:\n  - {path: api.json, as: renamed}\n");
            Files.writeString(spec, ONE_PATH);
            await(() -> server.api().operation("renamed.GetA") != null, "the edited twin.yaml is loaded");
            assertEquals(1, Http.json(http.get("/a")).get("v").asInt());
        }
    }
}
