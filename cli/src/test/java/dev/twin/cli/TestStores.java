package dev.twin.cli;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.store.RecordingStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Recording stores written directly by tests, without a proxy. */
final class TestStores {
    private TestStores() {
    }

    /** Writes the exchanges (ids assigned in order) to {@code file} and commits. */
    static Path write(Path file, Exchange... exchanges) {
        try (RecordingStore store = RecordingStore.open(file)) {
            for (Exchange exchange : exchanges) {
                store.append(exchange);
            }
            store.commit();
        }
        return file;
    }

    /** A bodiless request to api.example.com answered with {@code status} and this body. */
    static Exchange answered(String session, String method, String path, int status, String contentType,
                             String body) {
        RecordedRequest request = new RecordedRequest(method, "https", "api.example.com", 443, path, null,
                List.of(), Body.EMPTY);
        RecordedResponse response = new RecordedResponse(status, List.of(new Header("Content-Type", contentType)),
                Body.of(body));
        return new Exchange(0, session, Instant.parse("2026-01-02T03:04:05Z"), 1500, "127.0.0.1:5000", request,
                response, null, false);
    }
}
