package dev.twin.replayer.internal.replay;

import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Serving from a store never writes to it, and the store is free again for a recorder while the twin runs. */
class ReplayLeavesTheStoreUnchangedTest {
    @TempDir
    Path dir;

    @Test
    void theStoreFilesAreByteForByteTheSameAfterServingAndARecorderCanOpenIt() throws Exception {
        ReplayFixture fixture = new ReplayFixture(dir)
                .record("main", "GET", "/v1/pets?limit=2", null, 200, "[]")
                .record("main", "GET", "/v1/pets/7", null, 200, "{\"name\":\"Rex\"}");
        Path config = fixture.write("replay: {store: twin.db}\n", "");
        String before = fingerprint(dir);

        try (Twin server = Twin.builder().config(config).start()) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : List.of("/v1/pets?limit=2", "/v1/pets/7", "/v1/pets/7")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
            }
            assertEquals(before, fingerprint(dir));
            try (RecordingStore recorder = RecordingStore.open(fixture.store())) {
                assertEquals(2, recorder.count());
            }
        }
    }

    /** Every file of the directory: name, size and SHA-256. */
    private static String fingerprint(Path directory) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                out.append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                        .append(sha256(Files.readAllBytes(file))).append('\n');
            }
        }
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
