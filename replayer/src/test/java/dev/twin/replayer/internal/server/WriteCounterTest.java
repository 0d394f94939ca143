package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code server.writeCounter}: every answer carries the start plus the writes the tenant made so far, as etcd's
 * {@code X-Etcd-Index} does. Reads and refused writes leave it where it is; each tenant counts its own writes; a
 * reset starts it again.
 */
class WriteCounterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Twin twin;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SandboxFixture.SPEC);
        Files.writeString(dir.resolve("twin.yaml"), SandboxFixture.BASE_YAML + """
                server:
                  writeCounter: {header: X-Etcd-Index, start: 3}
                """);
        twin = Twin.serve(dir.resolve("twin.yaml"));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @BeforeEach
    void reset() {
        twin.reset();
    }

    @Test
    void givenNoWriteYet_whenRead_thenTheCounterIsItsStart() throws Exception {
        assertEquals("3", counter(get("/things", "alice")));
        assertEquals("3", counter(get("/ping", "alice")));
    }

    @Test
    void givenWrites_whenAnswered_thenEachWriteCountsItselfAndReadsShowTheCount() throws Exception {
        assertEquals("4", counter(create("alice", "{\"name\": \"a\"}")));
        assertEquals("5", counter(create("alice", "{\"name\": \"b\"}")));
        assertEquals("5", counter(get("/things", "alice")));
        assertEquals("5", counter(get("/things/th_missing", "alice")));
    }

    @Test
    void givenARefusedWrite_whenAnswered_thenItDoesNotCount() throws Exception {
        HttpResponse<String> refused = create("alice", "{\"name\": 12}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("3", counter(refused));
    }

    @Test
    void givenTwoTenants_whenOneWrites_thenOnlyItsCounterMoves() throws Exception {
        create("alice", "{\"name\": \"a\"}");

        assertEquals("4", counter(get("/things", "alice")));
        assertEquals("3", counter(get("/things", "bob")));
    }

    @Test
    void givenWrites_whenTheTenantIsReset_thenItsCounterStartsAgain() throws Exception {
        create("alice", "{\"name\": \"a\"}");
        create("bob", "{\"name\": \"b\"}");

        twin.reset("alice");

        assertEquals("3", counter(get("/things", "alice")));
        assertEquals("4", counter(get("/things", "bob")));
    }

    private static String counter(HttpResponse<String> answer) {
        return answer.headers().firstValue("X-Etcd-Index").orElse(null);
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> create(String key, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/things"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
