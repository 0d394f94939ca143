package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.EtagScheme;
import dev.twin.replayer.config.JsonFormat;
import dev.twin.replayer.config.ServerLimits;
import dev.twin.replayer.config.ServerSettings;
import dev.twin.replayer.config.ValidationMode;
import dev.twin.replayer.config.WriteCounter;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A recorded answer replayed with its recorded ETag: when rebasing changed the bytes the tag was the digest of, the
 * twin sends the digest of the bytes it sends, as the API would; a tag that was no digest of the body (a revision)
 * is the API's own and is kept. Error answers are tagged by {@code server.errorEtag} where it is set.
 */
class RebasedEtagTest {
    private static final String RECORDED = "{\"tarball\":\"http://127.0.0.1:4873/hello/-/hello-1.0.0.tgz\"}";
    private final ApiAnswerStyle style = ApiAnswerStyle.of(new ServerSettings("127.0.0.1", 0, ValidationMode.OFF,
            Map.of(), JsonFormat.COMPACT, EtagScheme.MD5, List.of("http://127.0.0.1:4873"), ServerLimits.DEFAULTS,
            true, WriteCounter.NONE, null));

    @Test
    void givenARecordedDigestTag_whenTheBodyIsRebased_thenTheTagIsTheDigestOfTheBytesSent() {
        TwinResponse sent = style.apply(request(), recorded(EtagScheme.MD5.tagOf(bytes(RECORDED))));

        String body = new String(sent.body(), StandardCharsets.UTF_8);
        assertEquals("{\"tarball\":\"http://127.0.0.1:9999/hello/-/hello-1.0.0.tgz\"}", body);
        assertEquals(EtagScheme.MD5.tagOf(sent.body()), sent.header("ETag"));
    }

    @Test
    void givenARecordedRevisionTag_whenTheBodyIsRebased_thenTheTagIsKept() {
        TwinResponse sent = style.apply(request(), recorded("\"3-abc\""));

        assertEquals("\"3-abc\"", sent.header("ETag"));
    }

    @Test
    void givenAnErrorScheme_whenAnErrorIsAnswered_thenItsTagIsThatSchemesDigest() {
        ApiAnswerStyle verdaccio = ApiAnswerStyle.of(new ServerSettings("127.0.0.1", 0, ValidationMode.OFF, Map.of(),
                JsonFormat.COMPACT, EtagScheme.MD5, List.of(), ServerLimits.DEFAULTS, true, WriteCounter.NONE,
                EtagScheme.WEAK_SHA1));
        byte[] missing = bytes("{\"error\":\"this version doesn't exist: 9.9.9\"}");
        byte[] found = bytes("{\"version\":\"1.0.0\"}");

        TwinResponse error = verdaccio.apply(request(), new TwinResponse(404,
                Map.of("Content-Type", "application/json"), missing));
        TwinResponse success = verdaccio.apply(request(), new TwinResponse(200,
                Map.of("Content-Type", "application/json"), found));

        assertEquals(EtagScheme.WEAK_SHA1.tagOf(missing), error.header("ETag"));
        assertEquals(EtagScheme.MD5.tagOf(found), success.header("ETag"));
    }

    private static TwinResponse recorded(String etag) {
        return new TwinResponse(200, Map.of("Content-Type", "application/json", "ETag", etag), bytes(RECORDED));
    }

    private static TwinRequest request() {
        return new TwinRequest("GET", "/hello/1.0.0", null, Map.of(), Map.of("host", List.of("127.0.0.1:9999")), null,
                "127.0.0.1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
