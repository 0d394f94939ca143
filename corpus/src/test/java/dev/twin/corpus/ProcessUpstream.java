package dev.twin.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real API server run as a child process: started with its output in a log file, ready once a URL answers 2xx
 * (polled until a deadline), stopped by its own PID (and its descendants) on close.
 */
final class ProcessUpstream implements Upstream {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final URI baseUrl;

    private ProcessUpstream(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * @param readyPath a path that answers 2xx once the server serves, e.g. {@code /health}
     * @param log       where the process's output goes
     */
    static ProcessUpstream start(List<String> command, Path workDir, URI baseUrl, String readyPath, Path log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ProcessUpstream upstream = new ProcessUpstream(process, baseUrl);
        try {
            upstream.awaitReady(readyPath, log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            upstream.close();
            throw e;
        }
        return upstream;
    }

    private void awaitReady(String readyPath, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + readyPath)).timeout(Duration.ofSeconds(5))
                .GET().build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with code " + process.exitValue()
                        + " before it served; its output:\n" + tail(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // waits for the process to exit, at most one poll interval: a bounded wait, not a sleep
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new IOException("the server did not answer " + baseUrl + readyPath + " within " + READY_WITHIN.toSeconds()
                + " s; its output:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
