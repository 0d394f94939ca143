package dev.twin.junit5;

import dev.twin.inference.Inference;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.Progress;
import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.HarSource;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.har.HarExporter;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test class's traffic recorded as {@code twin record --upstream} records it, then turned into a twin as
 * {@code twin infer} does: the recording proxy in front of the real API writes to a store in a temporary
 * directory; {@link #finish} exports it as {@value #HAR} into the twin directory (the recording {@code verify} mode
 * replays later) and infers the twin there from it.
 */
final class RecordingSession implements AutoCloseable {
    static final String HAR = "recording.har";
    static final String SESSION = "junit";

    private final Path work;
    private final RecordingStore store;
    private final RecordingWriter writer;
    private final ReverseProxyServer proxy;

    private RecordingSession(Path work, RecordingStore store, RecordingWriter writer, ReverseProxyServer proxy) {
        this.work = work;
        this.store = store;
        this.writer = writer;
        this.proxy = proxy;
    }

    /** Starts the recording proxy on a free port of 127.0.0.1 in front of {@code upstream}. */
    static RecordingSession start(String upstream) throws IOException {
        Path work = Files.createTempDirectory("twin-recording");
        RecordingStore store = RecordingStore.open(work.resolve("twin.db"));
        RecordingWriter writer = store.writer(Redactor.defaults());
        try {
            ReverseProxyServer proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withSession(SESSION),
                    Origin.parse(upstream), writer);
            return new RecordingSession(work, store, writer, proxy);
        } catch (IOException | RuntimeException e) {
            writer.close();
            store.close();
            deleteTree(work);
            throw e;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + proxy.port();
    }

    /**
     * Stops recording, writes {@value #HAR} and the inferred twin into {@code twinDir} and removes the temporary
     * store.
     *
     * @return how many exchanges were recorded
     */
    long finish(Path twinDir) throws IOException {
        stop();
        long recorded;
        Files.createDirectories(twinDir);
        Path har = twinDir.resolve(HAR);
        try (Stream<Exchange> exchanges = store.exchanges(SESSION)) {
            recorded = HarExporter.export(exchanges.iterator(), har);
        } finally {
            close();
        }
        if (recorded == 0) {
            throw new IllegalStateException("nothing was recorded: no test sent a request to the proxy");
        }
        TwinFiles.of(Inference.run(HarSource.open(har, List.of(SESSION)), InferenceOptions.defaults(),
                Progress.NONE)).writeTo(twinDir);
        return recorded;
    }

    private void stop() {
        proxy.close();
        writer.close();
    }

    /** Stops recording and removes the temporary store, keeping nothing. */
    @Override
    public void close() {
        stop();
        store.close();
        deleteTree(work);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary recording " + dir, e);
        }
    }
}
