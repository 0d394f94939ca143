package dev.twin.inference.operation;

import dev.twin.inference.Sha256;
import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link AnswerHeaders} over answers whose headers repeat parts of the request: a template is kept only when every
 * answer gave the same one, a query value counts as a whole token of four characters at least, and a constant the
 * request does not explain stays a constant.
 */
class AnswerHeadersFromRequestTest {
    private static final String HOST = "store.example.test";

    @Test
    void givenAHeaderRepeatingAQueryValueEachTime_whenRead_thenItIsATemplateOverThatParameter() {
        AnswerHeaders headers = new AnswerHeaders();
        for (String ref : List.of("build-1942", "build-1977", "build-2001")) {
            headers.accept(List.of(new Header("X-Ref", ref), new Header("Location", "https://" + HOST + "/refs/" + ref),
                    new Header("X-Kind", "build")), put("/things/a1", "ref=" + ref + "&n=1", null), null);
        }
        Map<String, String> found = templates(headers);
        assertEquals("{{request.query.ref}}", found.get("X-Ref"));
        assertEquals("{{request.base}}/refs/{{request.query.ref}}", found.get("Location"));
        assertEquals("build", found.get("X-Kind"), "a constant no request value explains stays one");
    }

    @Test
    void givenAHeaderThatIsTheBodysDigestOnceAndTheQuerysNext_whenRead_thenOnlyTheWayBothAgreeOnIsKept() {
        AnswerHeaders headers = new AnswerHeaders();
        String hex = Sha256.hex("bytes one");
        headers.accept(List.of(new Header("Digest", "sha256:" + hex)), put("/u/1", "digest=sha256:" + hex,
                "bytes one"), null);
        String other = Sha256.hex("bytes sent before");
        headers.accept(List.of(new Header("Digest", "sha256:" + other)), put("/u/2", "digest=sha256:" + other, null),
                null);
        assertEquals("{{request.query.digest}}", templates(headers).get("Digest"),
                "the body's digest explains only the first answer; the query value both");
    }

    @Test
    void givenShortOrPartialMatches_whenRead_thenNoTemplateIsMadeOfThem() {
        AnswerHeaders headers = new AnswerHeaders();
        headers.accept(List.of(new Header("X-Page", "page 7 of 9"), new Header("X-Tag", "alphabet")),
                put("/t/1", "p=7&tag=alpha", null), null);
        headers.accept(List.of(new Header("X-Page", "page 8 of 9"), new Header("X-Tag", "alphabet")),
                put("/t/2", "p=8&tag=alpha", null), null);
        Map<String, String> found = templates(headers);
        assertNull(found.get("X-Page"), "a one-character value is no evidence, and the header changed: nothing");
        assertNull(found.get("X-Tag"), "'alpha' inside 'alphabet' is not the value repeated; two answers are no "
                + "constant");
    }

    @Test
    void givenALocationNamingTheNewRowOrOnlyTheOrigin_whenRead_thenItIsNoTemplate() {
        AnswerHeaders created = new AnswerHeaders();
        AnswerHeaders moved = new AnswerHeaders();
        for (int i = 0; i < 2; i++) {
            // a document created, then written again under the id it was given: the same new row's URL twice
            created.accept(List.of(new Header("Location", "https://" + HOST + "/docs/d-4821")),
                    put("/docs", null, null), null);
            moved.accept(List.of(new Header("Location", "https://" + HOST + "/login")), put("/session/" + i, null,
                    null), null);
        }
        assertNull(templates(created).get("Location"), "the new row's URL is create.location's");
        assertNull(templates(moved).get("Location"), "only the origin from the request: a constant URL, which two "
                + "answers do not show");
    }

    private static Map<String, String> templates(AnswerHeaders headers) {
        Map<String, String> out = new TreeMap<>();
        for (AnswerHeaders.Found found : headers.headers()) {
            if (found.fromRequest() != null) {
                out.put(found.name(), found.fromRequest());
            } else if (found.bodyField() == null && !found.newRowId()) {
                out.put(found.name(), found.value());
            }
        }
        return out;
    }

    private static RecordedRequest put(String path, String query, String body) {
        return new RecordedRequest("PUT", "https", HOST, 443, path, query,
                List.of(new Header("Host", HOST), new Header("Content-Type", "application/octet-stream")),
                body == null ? Body.EMPTY : Body.of(body));
    }
}
