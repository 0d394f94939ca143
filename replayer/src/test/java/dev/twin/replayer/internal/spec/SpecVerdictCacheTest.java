package dev.twin.replayer.internal.spec;

import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict of a spec's full check is kept on disk by the spec's content checksum, problems and all, written
 * before the load returns (a refused spec ends the process right after).
 */
class SpecVerdictCacheTest {
    @TempDir
    Path home;

    @Test
    void givenASpecWithAWarning_whenLoaded_thenItsVerdictIsStoredUnderItsChecksumWithTheWarningAndItsOperation()
            throws Exception {
        Path spec = Files.writeString(home.resolve("pets.yaml"), """
                openapi: 3.0.3
                info: {title: pets, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                """);
        StartupCache cache = StartupCache.at(home.resolve("cache"));

        SpecLoader.load(spec, "pets", cache);

        SpecVerdict stored = SpecVerdictCache.stored(cache, StartupCache.checksum(Files.readAllBytes(spec)))
                .orElseThrow();
        assertEquals(List.of(new SpecProblem(SpecProblem.Severity.WARNING,
                "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref", 7, 72,
                "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref: $ref "
                        + "'#/components/schemas/Pet' points at nothing in this document; GET /pets answers 501 until "
                        + "it is fixed", List.of("/paths/~1pets/get"))), stored.problems());
    }

    @Test
    void givenAVerdictFileCutShort_whenRead_thenItIsAMissNotAShorterVerdict() throws Exception {
        StartupCache cache = StartupCache.at(home);
        String checksum = StartupCache.checksum(new byte[] {1, 2, 3});
        SpecVerdictCache.keep(cache, checksum, new SpecVerdict(List.of(new SpecProblem(SpecProblem.Severity.WARNING,
                "/a", 1, 1, "one", List.of()), new SpecProblem(SpecProblem.Severity.WARNING, "/b", 2, 1, "two",
                List.of()))));
        Path file = home.resolve(checksum + ".verdict");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));

        assertTrue(SpecVerdictCache.stored(cache, checksum).isEmpty());
    }
}
