package dev.twin.inference.source;

import dev.twin.inference.InferenceException;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Exchanges of a recording store, all sessions or the named ones. Close it when done. */
public final class StoreSource implements ExchangeSource, AutoCloseable {
    private final Path file;
    private final RecordingStore store;
    private final List<String> sessions;

    private StoreSource(Path file, RecordingStore store, List<String> sessions) {
        this.file = file;
        this.store = store;
        this.sessions = sessions;
    }

    /** @throws InferenceException when the store is missing, unreadable, empty, or lacks a named session */
    public static StoreSource open(Path file, List<String> sessions) {
        if (!Files.isRegularFile(file)) {
            throw new InferenceException("no recording store at " + file + " (record one with: twin record)");
        }
        RecordingStore store;
        try {
            store = RecordingStore.openReadOnly(file);
        } catch (StoreException e) {
            throw new InferenceException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InferenceException(file + " is not a readable recording store: " + e.getMessage(), e);
        }
        List<String> wanted = sessions == null ? List.of() : List.copyOf(sessions);
        List<String> known = store.sessions();
        for (String session : wanted) {
            if (!known.contains(session)) {
                store.close();
                throw new InferenceException("no session '" + session + "' in " + file + "; sessions are: "
                        + (known.isEmpty() ? "(none, the store is empty)" : String.join(", ", known)));
            }
        }
        if (store.count() == 0) {
            store.close();
            throw new InferenceException(file + " holds no recorded exchanges; nothing to infer");
        }
        return new StoreSource(file, store, wanted);
    }

    @Override
    public void forEach(Consumer<Exchange> each) {
        List<String> order = sessions.isEmpty() ? new ArrayList<>(java.util.Collections.singletonList(null)) : sessions;
        for (String session : order) {
            try (Stream<Exchange> exchanges = store.exchanges(session)) {
                exchanges.forEach(each);
            }
        }
    }

    @Override
    public String describe() {
        return file.getFileName() + (sessions.isEmpty() ? " (all sessions)" : " (sessions: "
                + String.join(", ", sessions) + ")");
    }

    @Override
    public void close() {
        store.close();
    }
}
