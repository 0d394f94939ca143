package dev.twin.inference.source;

import dev.twin.inference.InferenceException;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.har.HarException;
import dev.twin.recorder.har.HarImporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Exchanges of a HAR file (re-read for every pass; entries are streamed). */
public final class HarSource implements ExchangeSource {
    private final Path file;
    private final List<String> sessions;

    private HarSource(Path file, List<String> sessions) {
        this.file = file;
        this.sessions = sessions;
    }

    /** @throws InferenceException when the file is missing, does not parse, or holds no entries */
    public static HarSource open(Path file, List<String> sessions) {
        if (!Files.isRegularFile(file)) {
            throw new InferenceException("no HAR file at " + file);
        }
        HarSource source = new HarSource(file, sessions == null ? List.of() : List.copyOf(sessions));
        long[] count = {0};
        source.forEach(e -> count[0]++);
        if (count[0] == 0) {
            throw new InferenceException(file + " holds no entries" + (source.sessions.isEmpty() ? ""
                    : " for sessions " + String.join(", ", source.sessions)) + "; nothing to infer");
        }
        return source;
    }

    @Override
    public void forEach(Consumer<Exchange> each) {
        try {
            HarImporter.read(file, null, exchange -> {
                if (sessions.isEmpty() || sessions.contains(exchange.session())) {
                    each.accept(exchange);
                }
            });
        } catch (HarException e) {
            throw new InferenceException(e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return file.getFileName().toString();
    }
}
