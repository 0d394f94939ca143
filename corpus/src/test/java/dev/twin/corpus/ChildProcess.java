package dev.twin.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the corpus started: its output in a log file, ready once its {@link ReadyCheck} passes (polled until a
 * deadline), stopped on close by its own PID and those of its descendants, never by name.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the program and waits until it is ready; stops it again when it is not ready in time. */
    static ChildProcess start(ProcessLaunch launch, ReadyCheck ready) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(launch.log().toFile());
        builder.environment().putAll(launch.environment());
        ChildProcess child = new ChildProcess(builder.start(), launch.log());
        try {
            child.awaitReady(ready);
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
        return child;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private void awaitReady(ReadyCheck ready) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(process.info().command().orElse("the program") + " exited with code "
                        + process.exitValue() + " before it was ready; its output:\n" + tail());
            }
            try {
                if (ready.ready()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // waits for the process to exit, at most one poll interval: a bounded wait, not a sleep
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new IOException("waited " + READY_WITHIN.toSeconds() + " s for " + ready.describe()
                + "; the program's output:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** Asks the process and its descendants to stop (SIGTERM), then forces those still running after a while. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_WITHIN);
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle descendant : descendants) {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                descendant.onExit().completeOnTimeout(descendant, left, TimeUnit.MILLISECONDS).join();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
