package dev.twin.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program of an npm package that {@code npm ci} installed into corpus/node_modules (pinned in
 * corpus/package-lock.json), run with the {@code node} on the PATH.
 *
 * @param packageName e.g. {@code json-server}
 * @param script      the program's file inside the package, e.g. {@code lib/cli/bin.js}
 */
record NodeProgram(String packageName, String script) {
    static final String INSTALL = "(cd corpus && npm ci --omit=optional)";

    /** Why it cannot run here, or null. */
    String unavailable() {
        if (Executables.onPath("node").isEmpty()) {
            return "node not found; install: apt-get install nodejs npm, then " + INSTALL;
        }
        if (!Files.isRegularFile(file())) {
            return packageName + " not installed in " + NodeModules.dir() + "; install: " + INSTALL;
        }
        return null;
    }

    /** {@code node <script> args...} */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Executables.onPath("node").orElseThrow().toString(),
                file().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Path file() {
        return NodeModules.dir().resolve(packageName).resolve(script);
    }
}
