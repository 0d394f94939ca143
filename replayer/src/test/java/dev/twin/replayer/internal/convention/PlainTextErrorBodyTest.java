package dev.twin.replayer.internal.convention;

import dev.twin.replayer.internal.sandbox.SandboxFixture;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An error body written as a string is the API's plain-text error, as Go's {@code http.Error} answers it: a table's
 * {@code NOT_FOUND: "No thing with id {{request.lastSegment}}\n"} answers {@code text/plain}, the text rendered.
 */
class PlainTextErrorBodyTest {
    @TempDir
    Path dir;

    @Test
    void givenAStringErrorBody_whenAMissingRowIsRead_thenTheTwinAnswersThatTextAsPlainText() throws Exception {
        try (YamlTwin twin = SandboxFixture.thingsTable(dir, """
                tables:
                  - name: things
                    idField: name
                    response:
                      errors:
                        bodies:
                          NOT_FOUND: "No thing named {{request.lastSegment}}\\n"
                """)) {
            HttpResponse<String> missing = twin.send("GET", "/things/lamp", null, null);
            assertEquals(404, missing.statusCode());
            assertEquals("No thing named lamp\n", missing.body());
            assertEquals("text/plain; charset=utf-8", missing.headers().firstValue("Content-Type").orElse(""));
        }
    }
}
