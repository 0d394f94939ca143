package dev.twin.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real API server run as child processes ({@link ChildProcess}): the server, and any helper it needs started before
 * it (RabbitMQ's epmd). Closing stops them in the reverse order of their start, each by its own PID.
 */
final class ProcessUpstream implements Upstream {
    private final URI baseUrl;
    private final List<ChildProcess> processes;

    private ProcessUpstream(URI baseUrl, List<ChildProcess> processes) {
        this.baseUrl = baseUrl;
        this.processes = List.copyOf(processes);
    }

    /**
     * @param readyPath a path that answers 2xx once the server serves, e.g. {@code /health}
     * @param log       where the process's output goes
     */
    static ProcessUpstream start(List<String> command, Path workDir, URI baseUrl, String readyPath, Path log)
            throws IOException, InterruptedException {
        return of(baseUrl, ChildProcess.start(ProcessLaunch.of(command, workDir, log),
                ReadyCheck.answers2xx(URI.create(baseUrl + readyPath), Map.of())));
    }

    /** The server at baseUrl, made of these processes, already started and ready, in the order they started. */
    static ProcessUpstream of(URI baseUrl, ChildProcess... processes) {
        return new ProcessUpstream(baseUrl, List.of(processes));
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        List<ChildProcess> newestFirst = new ArrayList<>(processes);
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(ChildProcess::close);
    }
}
