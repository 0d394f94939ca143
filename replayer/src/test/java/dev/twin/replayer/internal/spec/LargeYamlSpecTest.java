package dev.twin.replayer.internal.spec;

import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML spec larger than SnakeYAML's default 3 MB (Stripe's own YAML is) loads like any other. */
class LargeYamlSpecTest {
    @TempDir
    Path dir;

    @Test
    void givenAYamlSpecOfFourMegabytes_whenLoaded_thenEveryOperationIsServed() throws Exception {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: big, version: '1'}\npaths:\n");
        int paths = 12_000;
        for (int i = 0; i < paths; i++) {
            yaml.append("  /things").append(i).append(":\n    get:\n      operationId: getThing").append(i)
                    .append("\n      description: '").append("a description long enough to make the file big ".repeat(5))
                    .append("'\n      responses: {'200': {description: ok}}\n");
        }
        Path file = Files.writeString(dir.resolve("big.yaml"), yaml);
        assertTrue(Files.size(file) > 3 * 1024 * 1024, "the file is larger than the default limit");

        SpecDocument spec = SpecLoader.load(file, "big", StartupCache.DISABLED);

        assertEquals(paths, spec.operations().size());
    }
}
