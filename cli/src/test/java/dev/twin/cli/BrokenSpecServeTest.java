package dev.twin.cli;

import static dev.twin.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twin.cli.CliRun.Result;
import dev.twin.replayer.internal.startup.StartupCache;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twin serve} on small broken specs (test resources {@code broken-specs/}): a document that is not valid
 * OpenAPI or Swagger exits 2 with one line per problem, each naming the file, line and JSON pointer; a spec is
 * checked in full once per version (the verdict is kept in the start-up cache); problems an operation cannot live
 * with are printed once as warnings and the rest of the spec is served.
 */
class BrokenSpecServeTest {
    private static final Path SPECS = Path.of("src", "test", "resources", "broken-specs");
    private static final Pattern READY = Pattern.compile("twin serving (\\d+) operations from \\S+ on (http://\\S+)");

    @TempDir
    Path home;

    private static void assertRefused(Result result, String... lines) {
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out());
        for (String line : lines) {
            assertTrue(result.err().contains(line), "missing '" + line + "' in:\n" + result.err());
        }
        assertEquals(lines.length, result.err().lines().count(), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void givenAnOpenApi30SpecWithMembersOfTheWrongType_whenServed_thenExit2WithEveryProblemAtItsLineAndPointer() {
        assertRefused(run("serve", "--spec", SPECS.resolve("wrong-types-3.0.yaml").toString(), "--port", "0"),
                "wrong-types-3.0.yaml:8:51: /paths/~1pets~1{petId}/get/parameters/0/schema: must be an object, not 5",
                "wrong-types-3.0.yaml:19:7: /components/schemas/Pet/properties: must be an object, not a list",
                "wrong-types-3.0.yaml:22:7: /components/schemas/Tag/required: must be a list, not 'name'");
    }

    @Test
    void givenAnOpenApi31SpecWithMembersOfTheWrongType_whenServed_thenExit2WithEveryProblemAtItsLineAndPointer() {
        assertRefused(run("serve", "--spec", SPECS.resolve("wrong-types-3.1.yaml").toString(), "--port", "0"),
                "wrong-types-3.1.yaml:8:51: /paths/~1pets~1{petId}/get/parameters/0/schema: must be an object, not 5",
                "wrong-types-3.1.yaml:19:7: /components/schemas/Pet/properties: must be an object, not a list",
                "wrong-types-3.1.yaml:22:7: /components/schemas/Tag/required: must be a list, not 'name'");
    }

    @Test
    void givenASwagger20SpecWithAMemberOfTheWrongType_whenServed_thenExit2AtItsLineAndPointer() {
        assertRefused(run("serve", "--spec", SPECS.resolve("wrong-types-2.0.yaml").toString(), "--port", "0"),
                "wrong-types-2.0.yaml:17:5: /definitions/Pet/properties: must be an object, not a list");
    }

    @Test
    void givenABrokenSpecRefusedOnce_whenServedAgain_thenTheVerdictComesFromTheStartupCacheNotAnotherCheck()
            throws Exception {
        Path spec = Files.copy(SPECS.resolve("wrong-types-3.0.yaml"), home.resolve("api.yaml"));
        Path verdict = home.resolve("cache").resolve("serve")
                .resolve(StartupCache.checksum(Files.readAllBytes(spec)) + ".verdict");

        Launch first = serveUntilItEnds(spec);
        assertTrue(Files.isRegularFile(verdict), "the verdict is kept: " + verdict);
        Launch second = serveUntilItEnds(spec);

        assertEquals(2, first.exitCode(), first.err());
        assertTrue(first.err().contains("checking " + spec + " in full"), first.err());
        assertEquals(2, second.exitCode(), second.err());
        assertFalse(second.err().contains("checking"), second.err());
        assertEquals(problems(first.err()), problems(second.err()));
        assertEquals(3, problems(second.err()).size(), second.err());
    }

    @Test
    void givenASpecWithWarnings_whenServed_thenTheyArePrintedOnceAndTheGoodOperationsAnswerOverASocket()
            throws Exception {
        Path spec = Files.copy(SPECS.resolve("warnings-3.0.yaml"), home.resolve("pets.yaml"));
        Path err = home.resolve("serve.err");
        Process twin = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "-Dtwin.home=" + home, TwinCommand.class.getName(), "serve", "--spec", spec.toString(), "--port", "0")
                .redirectError(err.toFile()).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(twin.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(120, TimeUnit.SECONDS);
            Matcher matcher = READY.matcher(String.valueOf(ready));
            assertTrue(matcher.matches(), "unexpected first line: " + ready);
            String baseUrl = matcher.group(2);

            assertEquals(List.of(
                    "pets.yaml:25:5: warning: /paths/~1pets~1{id}/get: GET '/pets/{id}' takes the same route as "
                            + "'/pets/{petId}': parameter names do not tell requests apart, so requests go to "
                            + "'/pets/{petId}' and this one is not served",
                    "pets.yaml:33:7: warning: /paths/~1owners/get/operationId: 'listPets' is also the id of GET "
                            + "/pets; this operation is served as pets.listPets2",
                    "pets.yaml:46:17: warning: /components/schemas/Pet/properties/owner/$ref: $ref "
                            + "'#/components/schemas/Owner' points at nothing in this document; GET /pets/{petId} "
                            + "answers 501 until it is fixed"), warnings(Files.readString(err)));
            assertEquals("3", matcher.group(1));
            assertEquals(200, get(baseUrl + "/pets").statusCode());
            assertEquals(200, get(baseUrl + "/owners").statusCode());
            HttpResponse<String> unservable = get(baseUrl + "/pets/p1");
            assertEquals(501, unservable.statusCode(), unservable.body());
            assertTrue(unservable.body().contains("pets.yaml:46:17: /components/schemas/Pet/properties/owner/$ref"),
                    unservable.body());
        } finally {
            twin.destroy();
            assertTrue(twin.waitFor(30, TimeUnit.SECONDS), "twin serve did not stop on SIGTERM");
        }
    }

    /** One {@code twin serve --spec FILE} run to its end in its own JVM, with the test's twin home. */
    private record Launch(int exitCode, String err) {
    }

    private Launch serveUntilItEnds(Path spec) throws IOException, InterruptedException {
        Path err = Files.createTempFile(home, "serve", ".err");
        Process twin = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "-Dtwin.home=" + home, TwinCommand.class.getName(), "serve", "--spec", spec.toString(), "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(twin.waitFor(120, TimeUnit.SECONDS), "twin serve did not end");
        return new Launch(twin.exitValue(), Files.readString(err));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The problem lines of stderr (log lines left out), without the directory of the file. */
    private List<String> problems(String err) {
        return err.lines().filter(line -> line.contains(".yaml:")).map(line -> line.replace(home + "/", ""))
                .toList();
    }

    private List<String> warnings(String err) {
        return problems(err).stream().filter(line -> line.contains(": warning: ")).toList();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
