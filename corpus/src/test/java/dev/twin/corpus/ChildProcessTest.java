package dev.twin.corpus;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildProcessTest {
    @TempDir
    Path dir;

    @Test
    void givenExtraEnvironment_whenTheProgramStarts_thenItSeesTheVariables() throws Exception {
        ProcessLaunch launch = ProcessLaunch.of(List.of("/bin/sh", "-c",
                        "echo \"$CORPUS_GREETING\" > greeting.tmp && mv greeting.tmp greeting.txt && exec sleep 60"),
                dir, dir.resolve("out.log")).withEnvironment("CORPUS_GREETING", "hello");

        try (ChildProcess child = ChildProcess.start(launch, fileExists(dir.resolve("greeting.txt")))) {
            assertEquals("hello\n", Files.readString(dir.resolve("greeting.txt")));
        }
    }

    @Test
    void givenAProgramWithAChildOfItsOwn_whenClosed_thenBothAreStopped() throws Exception {
        ProcessLaunch launch = ProcessLaunch.of(List.of("/bin/sh", "-c", "sleep 60 & touch started; wait"), dir,
                dir.resolve("out.log"));
        ChildProcess child = ChildProcess.start(launch, fileExists(dir.resolve("started")));
        List<ProcessHandle> descendants = child.handle().descendants().toList();

        child.close();

        assertFalse(descendants.isEmpty(), "the shell started sleep");
        assertFalse(child.isAlive());
        descendants.forEach(d -> assertTrue(d.onExit().isDone() || !d.isAlive(), "still running: " + d.pid()));
    }

    @Test
    void givenAProgramThatExitsAtOnce_whenStarted_thenTheErrorNamesItsExitCodeAndOutput() {
        ProcessLaunch launch = ProcessLaunch.of(List.of("/bin/sh", "-c", "echo no config file; exit 3"), dir,
                dir.resolve("out.log"));

        IOException error = assertThrows(IOException.class,
                () -> ChildProcess.start(launch, fileExists(dir.resolve("never"))));

        assertTrue(error.getMessage().contains("exited with code 3"), error.getMessage());
        assertTrue(error.getMessage().contains("no config file"), error.getMessage());
    }

    @Test
    void givenAServerThatWantsBasicAuth_whenProbed_thenOnlyTheProbeWithCredentialsFindsItReady() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/overview", exchange -> {
            boolean authorized = "Basic Z3Vlc3Q6Z3Vlc3Q=".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(authorized ? 200 : 401, -1);
            exchange.close();
        });
        server.start();
        try {
            URI overview = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/overview");

            assertFalse(ReadyCheck.answers2xx(overview, Map.of()).ready());
            assertTrue(ReadyCheck.answers2xx(overview, Map.of("Authorization", "Basic Z3Vlc3Q6Z3Vlc3Q=")).ready());
            assertTrue(ReadyCheck.acceptsConnections(server.getAddress().getPort()).ready());
        } finally {
            server.stop(0);
        }
    }

    private static ReadyCheck fileExists(Path file) {
        return new ReadyCheck() {
            @Override
            public boolean ready() {
                return Files.exists(file);
            }

            @Override
            public String describe() {
                return file + " to exist";
            }
        };
    }
}
