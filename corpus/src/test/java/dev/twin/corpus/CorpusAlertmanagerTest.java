package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Alertmanager's API v2 through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusAlertmanagerTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new AlertmanagerApi();
    }

    @Test
    void givenAlertmanager_whenASilenceIsDeleted_thenItStaysReadableAsExpired() {
        Step expired = recordedStep("read-expired-silence");

        assertEquals(200, expired.status());
        assertEquals("expired", expired.json().path("status").path("state").asText(), expired.body());
    }

    @Test
    void givenAlertmanager_whenASilenceStartsLater_thenItIsPending() {
        assertEquals("pending", recordedStep("read-silence-planned").json().path("status").path("state").asText());
    }
}
