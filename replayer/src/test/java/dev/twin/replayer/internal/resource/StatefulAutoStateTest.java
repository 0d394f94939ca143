package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The derived tables are tables like any other: in the {@code --state} file and in snapshots. */
class StatefulAutoStateTest {

    @Test
    void rowsSurviveARestartWithAStateFile(@TempDir Path directory) throws Exception {
        Path state = directory.resolve("state.db");
        String id;
        try (AutoTwin twin = AutoTwin.ofSpec(StatefulAutoTest.spec("things-3.0.yaml"), state)) {
            id = twin.sendJson("POST", "/api/things", "k", "{\"name\": \"kept\"}").body().get("id").asText();
        }

        try (AutoTwin restarted = AutoTwin.ofSpec(StatefulAutoTest.spec("things-3.0.yaml"), state)) {
            AutoTwin.Reply read = restarted.get("/api/things/" + id, "k");

            assertEquals(200, read.status());
            assertEquals("kept", read.body().get("name").asText());
        }
    }

    @Test
    void aSnapshotRestoresTheRowsItSaw() throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(StatefulAutoTest.spec("things-3.0.yaml"))) {
            twin.sendJson("POST", "/api/things", "k", "{\"name\": \"before\"}");
            assertEquals(201, twin.sendJson("POST", "/__twin/snapshots/before", null, "{}").status());
            twin.sendJson("POST", "/api/things", "k", "{\"name\": \"after\"}");

            assertEquals(200, twin.sendJson("POST", "/__twin/snapshots/before/restore", null, "{}").status());
            JsonNode rows = twin.get("/api/things", "k").body();

            assertEquals(1, rows.size());
            assertEquals("before", rows.get(0).get("name").asText());
        }
    }
}
