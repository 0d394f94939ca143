package dev.twin.inspector.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.Inference;
import dev.twin.inference.InferenceException;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.Progress;
import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.ExchangeSource;
import dev.twin.inspector.Background;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * "Infer a twin from this session": runs {@code twin infer} over the session being recorded (the store stays open
 * for recording) into a directory under the working directory, one run at a time, and tells how it went and the
 * commands that do the same and serve the result.
 */
final class SessionInference {
    private final RecordingStore store;
    private final String session;
    private final Path workDir;
    private ObjectNode state;

    /** @param workDir the directory output directories are resolved in, and must stay inside */
    SessionInference(RecordingStore store, String session, Path workDir) {
        this.store = store;
        this.session = session;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.state = JsonNodeFactory.instance.objectNode().put("state", "idle")
                .put("suggestedOut", "twin-" + session.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    synchronized ObjectNode state() {
        return state.deepCopy();
    }

    /**
     * Starts a run into {@code out} (relative to the working directory).
     *
     * @throws IllegalArgumentException when {@code out} is not a directory name under the working directory, or
     *                                  a run is going on
     */
    synchronized ObjectNode start(String out) {
        if ("running".equals(state.path("state").asText())) {
            throw new IllegalArgumentException("an inference is running already; wait for it to finish");
        }
        Path dir = outputDirectory(out);
        String shownOut = workDir.relativize(dir).toString();
        state = JsonNodeFactory.instance.objectNode().put("state", "running").put("out", shownOut)
                .put("command", "twin infer --store " + store.file() + " --session " + session + " --out "
                        + shownOut)
                .put("serve", "twin serve " + shownOut);
        Background.executor().execute(() -> run(dir));
        return state.deepCopy();
    }

    private void run(Path dir) {
        ObjectNode outcome;
        try {
            TwinFiles files = TwinFiles.of(Inference.run(source(), new InferenceOptions(null, null,
                    InferenceOptions.SeedMode.INITIAL), Progress.NONE));
            files.writeTo(dir);
            outcome = JsonNodeFactory.instance.objectNode().put("state", "done");
            files.files().keySet().forEach(outcome.putArray("files")::add);
        } catch (IOException | RuntimeException e) { // InferenceException included: its message is for the user
            outcome = JsonNodeFactory.instance.objectNode().put("state", "failed")
                    .put("message", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        synchronized (this) {
            state.setAll(outcome);
        }
    }

    private Path outputDirectory(String out) {
        String name = out == null || out.isBlank() ? state.path("suggestedOut").asText("twin-out") : out.trim();
        Path dir = workDir.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !dir.startsWith(workDir) || dir.equals(workDir)) {
            throw new IllegalArgumentException("out must be a directory under " + workDir + ", such as twin-"
                    + session + "; not '" + name + "'");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(name + " exists and is not a directory");
        }
        return dir;
    }

    private ExchangeSource source() {
        if (store.count(session) == 0) {
            throw new InferenceException("session " + session + " holds no exchanges yet; record some first");
        }
        return new ExchangeSource() {
            @Override
            public void forEach(Consumer<Exchange> each) {
                try (Stream<Exchange> exchanges = store.exchanges(session)) {
                    exchanges.forEach(each);
                }
            }

            @Override
            public String describe() {
                return store.file().getFileName() + " (session: " + session + ")";
            }
        };
    }
}
