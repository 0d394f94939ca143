package dev.twin.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, started by the test and stopped by its
 * PID. It persists every write before answering (append-only file, fsync always), so a restart keeps every
 * acknowledged write, as a production Redis configured so does. Without {@code redis-server} the test is skipped
 * with the command that installs it, unless {@code TWIN_REDIS_REQUIRED=true} (as .ci/run sets), where it fails.
 */
public final class RedisServer implements AutoCloseable {
    static final String INSTALL = "apt-get install -y redis-server";

    private final Path dir;
    private final int port;
    private final List<String> options;
    /** Null: plain text; else the server's certificate and key, and TLS only on {@link #port}. */
    private final ServerCertificate tls;
    private Process process;

    private RedisServer(Path dir, int port, List<String> options, ServerCertificate tls) {
        this.dir = dir;
        this.port = port;
        this.options = options;
        this.tls = tls;
    }

    /** Starts one in {@code dir} (its data files), or skips the test when redis-server is not installed. */
    public static RedisServer start(Path dir) {
        return start(dir, List.of());
    }

    /** @param options more redis-server options ({@code --requirepass secret}) */
    static RedisServer start(Path dir, List<String> options) {
        return start(dir, options, null);
    }

    /** One that speaks TLS only ({@code rediss://}), with {@code certificate}; clients show none. */
    static RedisServer startTls(Path dir, ServerCertificate certificate) {
        return start(dir, List.of(), certificate);
    }

    private static RedisServer start(Path dir, List<String> options, ServerCertificate tls) {
        String missing = missing();
        if (missing != null && "true".equals(System.getenv("TWIN_REDIS_REQUIRED"))) {
            fail(missing + ", and TWIN_REDIS_REQUIRED=true");
        }
        assumeTrue(missing == null, () -> missing + ": not run (" + INSTALL + ")");
        RedisServer server = new RedisServer(dir, freePort(), List.copyOf(options), tls);
        server.startProcess();
        return server;
    }

    private static String missing() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return null;
            }
        }
        return Files.isExecutable(Path.of("/usr/bin/redis-server")) ? null : "redis-server is not installed";
    }

    /** {@code redis://127.0.0.1:PORT} ({@code rediss://} with TLS), plus {@code query} (e.g. {@code ?prefix=a}). */
    public URI url(String query) {
        return URI.create((tls == null ? "redis" : "rediss") + "://127.0.0.1:" + port + query);
    }

    int port() {
        return port;
    }

    /**
     * Waits until no webhook delivery of the twin under {@code prefix} is due or claimed (each was delivered or ran
     * out of attempts), so that none can come later; fails after 30 s.
     */
    void awaitNoDeliveries(String prefix) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url("").toString());
        try (io.lettuce.core.api.StatefulRedisConnection<String, String> connection = client.connect()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (connection.sync().zcard(prefix + ":wh:due") > 0) {
                if (System.nanoTime() > deadline) {
                    fail("webhook deliveries of '" + prefix + "' still queued after 30 s");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        } finally {
            client.shutdown();
        }
    }

    /** Stops it with SIGTERM (it writes what it holds) and waits for it to exit. */
    void stop() {
        if (process != null) {
            process.destroy();
            waitFor();
        }
    }

    /** Kills it with SIGKILL: what it fsynced stays, as after a crash. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** Starts it again on the same port with the same data. */
    void restart() {
        stop();
        startProcess();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("redis-server " + process.pid() + " did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the process and returns once it logged that it accepts connections. */
    private void startProcess() {
        List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "yes",
                "--appendfsync", "always", "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "notice"));
        if (tls == null) {
            command.addAll(List.of("--port", Integer.toString(port)));
        } else {
            command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file",
                    tls.certificate().toString(), "--tls-key-file", tls.key().toString(), "--tls-ca-cert-file",
                    tls.authority().toString(), "--tls-auth-clients", "no"));
        }
        command.addAll(options);
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("Ready to accept connections")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(false);
        }, "redis-server-log");
        reader.setDaemon(true);
        reader.start();
        boolean up;
        try {
            up = ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            up = false;
        }
        if (!up) {
            started.destroyForcibly();
            synchronized (log) {
                fail("redis-server did not start on port " + port + ":\n" + log);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
