package dev.twin.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real {@link RedisServer} for a test class: started before its first test, stopped after its last, its data
 * directory removed. Register it as {@code @RegisterExtension static final RedisServerExtension REDIS = new
 * RedisServerExtension();}; each test takes keys of its own with {@link #nextPrefix}.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private RedisServer server;
    private int prefixes;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("twin-redis-test");
        server = RedisServer.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public RedisServer server() {
        return server;
    }

    /** The URL query of the next test's own keys ({@code ?prefix=pipeline3}), so tests of one class never meet. */
    public String nextPrefix(String name) {
        return "?prefix=" + name + prefixes++;
    }
}
