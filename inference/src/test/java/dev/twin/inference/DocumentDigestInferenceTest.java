package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up document store whose PUT answers the SHA-256 of the JSON it was sent as a quoted {@code ETag}
 * ({@code "sha256:<hex>"}), with no body: the twin must compute it over the bytes each request sends.
 */
class DocumentDigestInferenceTest extends ServedRecordingTest {
    private static final String HOST = "docs.example.test";

    @Override
    Traffic recording() {
        Traffic t = new Traffic(HOST);
        String[][] docs = {{"3f9a1c7e-readme", "{\"title\":\"Read me\",\"words\":120}"},
                {"8b2d4e6f-guide", "{\"title\":\"Guide\",\"words\":3400}"},
                {"c4e6a8b0-faq", "{\"title\":\"FAQ\",\"words\":870}"},
                {"1d3f5b7a-intro", "{\"title\":\"Intro\",\"words\":300}"}};
        for (String[] doc : docs) {
            String row = "{\"id\":\"" + doc[0] + "\"," + doc[1].substring(1);
            t.json("PUT", "/docs/" + doc[0], doc[1], 201, row,
                    List.of(new Header("ETag", "\"sha256:" + Sha256.hex(doc[1]) + "\"")));
            t.json("GET", "/docs/" + doc[0], null, 200, row);
        }
        String changed = "{\"title\":\"Read me\",\"words\":150}";
        t.json("PUT", "/docs/3f9a1c7e-readme", changed, 200, "{\"id\":\"3f9a1c7e-readme\"," + changed.substring(1),
                List.of(new Header("ETag", "\"sha256:" + Sha256.hex(changed) + "\"")));
        t.json("GET", "/docs/0a0a0a0a-missing", null, 404, "{\"error\":\"not found\"}");
        return t;
    }

    @Test
    void givenAPut_whenTheTwinAnswers_thenItsETagIsTheDigestOfTheBytesSent() throws Exception {
        String sent = "{\"title\":\"Changelog\",\"words\":42}";
        HttpResponse<String> put = calls.json("PUT", "/docs/5e7a9c1b-changelog", sent);
        assertTrue(put.statusCode() == 201 || put.statusCode() == 200, put.statusCode() + " " + put.body());
        assertEquals("\"sha256:" + Sha256.hex(sent) + "\"", put.headers().firstValue("ETag").orElse(""));
        String again = "{\"title\":\"Changelog\",\"words\":43}";
        assertEquals("\"sha256:" + Sha256.hex(again) + "\"",
                calls.json("PUT", "/docs/5e7a9c1b-changelog", again).headers().firstValue("ETag").orElse(""),
                "another body, another digest");
    }

    @Test
    void givenTheInferredFiles_whenRead_thenTheETagIsATemplateOverTheRequest() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("ETag: \"\\\"sha256:{{request.sha256}}\\\"\""), yaml);
    }
}
