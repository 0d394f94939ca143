package dev.twin.cli;

import static dev.twin.cli.CliRun.run;

import dev.twin.cli.CliRun.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that loads a twin.yaml or a spec answers a broken one with exit code 2 and {@code file:line:} on
 * stderr, never a stack trace.
 */
class ConfigErrorExitTest {
    private static final String TWIN_YAML = "imports:\n  - {path: petstore.yaml, as: petstore}\n";

    @TempDir
    Path dir;

    /** The petstore example with {@code from} replaced by {@code to} in its spec, beside a twin.yaml importing it. */
    private Path petstoreWith(String from, String to) throws IOException {
        String spec = Files.readString(Path.of("..", "examples", "petstore", "petstore.yaml"));
        assertTrue(spec.contains(from), from);
        Files.writeString(dir.resolve("petstore.yaml"), spec.replace(from, to));
        Files.writeString(dir.resolve("twin.yaml"), TWIN_YAML);
        return dir;
    }

    private static void assertRefusedAt(Result result, String location) {
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(location), result.err());
        assertFalse(result.err().contains("at dev.twin"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void givenAPathTemplateMissingItsBrace_whenServed_thenExit2AtTheSpecsLine() throws IOException {
        Path twin = petstoreWith("/pets/{petId}:", "/pets/{petId:");

        assertRefusedAt(run("serve", twin.toString(), "--port", "0"), "petstore.yaml:63:3: path template");
    }

    @Test
    void givenAPathTemplateMissingItsBrace_whenRoutesAreListed_thenExit2AtTheSpecsLine() throws IOException {
        Path twin = petstoreWith("/pets/{petId}:", "/pets/{petId:");

        assertRefusedAt(run("routes", twin.toString()), "petstore.yaml:63:3: path template");
    }

    @Test
    void givenABareSpecWithAnUnsupportedVersion_whenRoutesAreListed_thenExit2AtTheVersionLine() throws IOException {
        petstoreWith("openapi: 3.0.0", "openapi: 9.9.9");

        assertRefusedAt(run("routes", "--spec", dir.resolve("petstore.yaml").toString()),
                "petstore.yaml:1:1: unsupported OpenAPI version '9.9.9'");
    }

    @Test
    void givenAnHtmlPageImported_whenServed_thenExit2AtLineOne() throws IOException {
        Files.writeString(dir.resolve("petstore.yaml"), "<!DOCTYPE html><html><body>Sign in</body></html>\n");
        Files.writeString(dir.resolve("twin.yaml"), TWIN_YAML);

        assertRefusedAt(run("serve", dir.toString(), "--port", "0"), "petstore.yaml:1:1: not an OpenAPI document");
    }

    @Test
    void givenATemplateNamingAnUnknownVariable_whenServed_thenExit2AtTheTwinYamlLine() throws IOException {
        petstoreWith("openapi: 3.0.0", "openapi: 3.0.0");
        Files.writeString(dir.resolve("twin.yaml"), TWIN_YAML
                + "conventions:\n  list: {extraFields: {url: \"{{nosuch.var}}\"}}\n");

        assertRefusedAt(run("serve", dir.toString(), "--port", "0"),
                "twin.yaml:4:29: conventions.list.extraFields.url: unknown variable 'nosuch'");
    }

    @Test
    void givenANumberAsAnIdField_whenVerified_thenExit2AtTheTwinYamlLine() throws IOException {
        petstoreWith("openapi: 3.0.0", "openapi: 3.0.0");
        Files.writeString(dir.resolve("twin.yaml"), TWIN_YAML + "tables:\n  - {name: pets, idField: 12345}\n");
        Path store = TestStores.write(dir.resolve("twin.db"),
                TestStores.answered("s", "GET", "/v1/pets", 200, "application/json", "[]"));

        assertRefusedAt(run("verify", "-c", dir.toString(), "--store", store.toString()),
                "twin.yaml:4:27: tables[0].idField: expected a name");
    }
}
