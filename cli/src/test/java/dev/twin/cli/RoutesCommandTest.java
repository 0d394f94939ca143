package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin routes} prints the route table offline; {@code serve}/{@code routes} refuse bad configs with exit 2. */
class RoutesCommandTest {


    @Test
    void routesPrintsEveryOperationWithMethodPathAndId() {
        Result result = run("routes", Path.of("..", "examples", "petstore").toString());

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals(4, lines.length, result.out());
        assertTrue(lines[0].startsWith("METHOD"));
        assertTrue(lines[3].matches("GET\\s+/v1/pets/\\{petId}\\s+petstore\\.showPetById"), lines[3]);
    }

    @Test
    void routesOfABareSpecNamespacesByFileName() {
        Result result = run("routes", "--spec", Path.of("..", "examples", "petstore", "petstore.yaml").toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("petstore.listPets"), result.out());
    }

    @Test
    void serveWithABrokenSpecExitsWith2AndNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("api.json"), "{\n\"openapi\": \"3.0.0\",\n\"paths\": [1,\n");
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: api.json, as: api}\n");

        Result result = run("serve", dir.toString(), "--port", "0");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("api.json:3:"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void serveWithAMissingConfigExitsWith2() {
        Result result = run("serve", "no-such-dir/twin.yaml");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("no-such-dir"), result.err());
    }
}
