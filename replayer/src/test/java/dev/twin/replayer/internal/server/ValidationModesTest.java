package dev.twin.replayer.internal.server;

import dev.twin.replayer.ServedRequest;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ValidationMode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --validate warn answers invalid requests normally and notes why; off does not look. */
class ValidationModesTest {
    private static final Path PETSTORE = Path.of("..", "examples", "petstore");

    @Test
    void warnModeAnswersAnInvalidRequestAndNotesTheProblemInTheJournal() throws Exception {
        try (Twin server = Twin.builder().config(PETSTORE).validate(ValidationMode.WARN).start()) {
            HttpResponse<String> response = new Http(server.baseUrl()).get("/v1/pets?limit=lots");

            assertEquals(200, response.statusCode());
            ServedRequest entry = server.requests().get(0);
            assertTrue(entry.note().contains("limit"), entry.note());
        }
    }

    @Test
    void offModeNeitherRejectsNorNotes() throws Exception {
        try (Twin server = Twin.builder().config(PETSTORE).validate(ValidationMode.OFF).start()) {
            HttpResponse<String> response = new Http(server.baseUrl()).send("POST", "/v1/pets", "application/json",
                    "{\"id\": \"not a number\"}");

            assertEquals(201, response.statusCode());
            assertNull(server.requests().get(0).note());
        }
    }
}
