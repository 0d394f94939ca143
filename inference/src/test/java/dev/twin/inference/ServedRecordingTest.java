package dev.twin.inference;

import dev.twin.inference.output.TwinFiles;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test class over one hand-made recording: inferred with no edits once, served on a free port, closed at the
 * end. Subclasses give the recording (and the API key their requests send).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServedRecordingTest {
    TwinFiles files;
    Twin twin;
    TwinCalls calls;

    abstract Traffic recording();

    /** The API key requests send as a Bearer token; none by default. */
    String apiKey() {
        return null;
    }

    @BeforeAll
    void inferAndServe(@TempDir Path dir) throws Exception {
        files = Inferred.files(recording(), InferenceOptions.defaults());
        twin = Inferred.serve(files, dir);
        calls = new TwinCalls(twin, apiKey());
    }

    @AfterAll
    void stop() {
        twin.close();
    }
}
