package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin fault set|list|clear} against a running petstore twin. */
class FaultCommandTest {
    @TempDir
    static Path dir;
    private static SandboxedPetstore server;

    @BeforeAll
    static void startTwin() throws Exception {
        server = SandboxedPetstore.start(dir);
    }

    @AfterAll
    static void stopTwin() {
        server.close();
    }

    private static int listPetsStatus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/pets"))
                        .build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void setListAndClearAFaultRule() throws Exception {
        Result set = run("fault", "set", "--url", server.baseUrl(), "--name", "pets-down",
                "--operation", "petstore.listPets", "--fault", "status-503");
        int whileSet = listPetsStatus();
        Result listed = run("fault", "list", "--url", server.baseUrl());
        Result cleared = run("fault", "clear", "--url", server.baseUrl(), "pets-down");
        int afterClear = listPetsStatus();

        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.out().contains("Fault rule pets-down set: status-503"), set.out());
        assertEquals(503, whileSet);
        assertTrue(listed.out().contains("pets-down  status-503 on [\"petstore.listPets\"]"), listed.out());
        assertEquals("Removed 1 fault rule(s)\n", cleared.out());
        assertEquals(200, afterClear);
    }

    @Test
    void unknownFaultIsRefusedWithTheList() {
        Result refused = run("fault", "set", "--url", server.baseUrl(), "--fault", "explode");

        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("unknown fault 'explode', expected no-response | reset"), refused.err());
    }

    @Test
    void nothingListeningIsExitCode2NamingTheUrl() {
        Result result = run("fault", "list", "--url", "http://127.0.0.1:1");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("nothing answers at http://127.0.0.1:1"), result.err());
    }

}
