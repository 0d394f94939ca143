package dev.twin.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the corpus's test resources (an app's source, a seed database) copied where a server runs them. */
final class TestResources {
    private TestResources() {
    }

    /** Copies the test resource {@code name} (e.g. {@code corpus/feathers/server.js}) to {@code target}. */
    static Path copy(String name, Path target) throws IOException {
        try (InputStream source = TestResources.class.getClassLoader().getResourceAsStream(name)) {
            if (source == null) {
                throw new IOException("no " + name + " in the test resources");
            }
            Files.copy(source, target);
        }
        return target;
    }
}
