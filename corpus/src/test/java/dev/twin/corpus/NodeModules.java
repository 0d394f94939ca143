package dev.twin.corpus;

import java.nio.file.Path;

/** Where {@code npm ci} in corpus/ installed the npm packages of the corpus (the pom passes corpus.nodeModules). */
final class NodeModules {
    private NodeModules() {
    }

    static Path dir() {
        return Path.of(System.getProperty("corpus.nodeModules", "node_modules")).toAbsolutePath();
    }
}
