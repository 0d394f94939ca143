package dev.twin.replayer.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test fixtures: a twin.yaml and the small files it points at. */
final class ConfigFiles {
    static final String MINIMAL_SPEC = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

    private ConfigFiles() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A twin.yaml next to a spec.yaml it may import. */
    static Path twinYaml(Path dir, String text) {
        write(dir, "spec.yaml", MINIMAL_SPEC);
        return write(dir, "twin.yaml", text);
    }
}
