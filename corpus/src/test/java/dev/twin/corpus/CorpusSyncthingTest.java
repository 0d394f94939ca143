package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syncthing's configuration REST API through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusSyncthingTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new SyncthingApi();
    }

    @Test
    void givenSyncthing_whenAFolderIsReplaced_thenWhatWasNotSentReturnsToItsDefault() {
        boolean listedWithItsOwnInterval = false;
        for (var folder : recordedStep("list-folders").json()) {
            listedWithItsOwnInterval |= folder.path("id").asText().equals("music")
                    && folder.path("rescanIntervalS").asInt() == 120;
        }
        assertTrue(listedWithItsOwnInterval, recordedStep("list-folders").body());
        assertEquals(3600, recordedStep("read-replaced-music").json().path("rescanIntervalS").asInt());
    }

    @Test
    void givenSyncthing_whenAMissingFolderIsRead_thenItAnswers404InPlainText() {
        Step missing = recordedStep("read-missing-folder");

        assertEquals(404, missing.status());
        assertTrue(missing.body().startsWith("No folder with given ID"), missing.body());
    }
}
