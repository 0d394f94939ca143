package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResetCommandTest {
    private static final String API_KEY = "sk_test_resetme";

    @TempDir
    static Path dir;
    private static Twin server;


    @BeforeAll
    static void startTwin() throws Exception {
        Files.copy(Path.of("..", "examples", "petstore", "petstore.yaml"), dir.resolve("petstore.yaml"));
        Files.writeString(dir.resolve("twin.yaml"), """
                version: 1
                imports:
                  - path: petstore.yaml
                    as: petstore
                tables:
                  - name: pets
                    idField: id
                    idStrategy: sequence
                  - name: owners
                    idField: id
                    idStrategy: uuid
                """);
        server = Twin.serve(dir.resolve("twin.yaml"));
    }

    @AfterAll
    static void stopTwin() {
        server.close();
    }

    @BeforeEach
    void emptyTables() {
        server.reset();
    }

    @Test
    void resetWithoutOptionsEmptiesEveryTenantsTables() {
        insert(TenantResolver.keyOf(API_KEY), "pets");
        insert(TenantResolver.keyOf("sk_test_other"), "pets");

        Result result = run("reset", "--url", server.baseUrl());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Reset all tables of every tenant at " + server.baseUrl(), result.out().strip());
        assertEquals(0, count(TenantResolver.keyOf(API_KEY), "pets"));
        assertEquals(0, count(TenantResolver.keyOf("sk_test_other"), "pets"));
    }

    @Test
    void resetOfOneTenantsTableLeavesEverythingElse() {
        String tenant = TenantResolver.keyOf(API_KEY);
        insert(tenant, "pets");
        insert(tenant, "owners");
        insert(TenantResolver.keyOf("sk_test_other"), "pets");

        Result result = run("reset", "--url", server.baseUrl() + "/", "--tenant", API_KEY, "--table", "pets");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Reset table pets of tenant " + tenant + " at " + server.baseUrl() + "/", result.out().strip());
        assertFalse(result.out().contains(API_KEY), "the API key is not echoed");
        assertEquals(0, count(tenant, "pets"));
        assertEquals(1, count(tenant, "owners"));
        assertEquals(1, count(TenantResolver.keyOf("sk_test_other"), "pets"));
    }

    @Test
    void anUnknownTableIsReportedWithTheServersMessage() {
        Result result = run("reset", "--url", server.baseUrl(), "--table", "nope");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("No table named 'nope'"), result.err());
    }

    @Test
    void nothingListeningIsAClearErrorNamingTheUrl() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + freePort;

        Result result = run("reset", "--url", url);

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("nothing answers at " + url), result.err());
    }

    private void insert(String tenant, String table) {
        StateStore store = server.internals().tables().store();
        store.inTransaction(tenant, tables -> tables.insert(table, new ObjectMapper().createObjectNode()));
    }

    private int count(String tenant, String table) {
        return server.internals().tables().store().inTransaction(tenant, tables -> tables.count(table));
    }

}
