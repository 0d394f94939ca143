package dev.twin.recorder.redact;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multipart fields are redacted like form fields, and the body stays valid multipart with its boundary. */
class MultipartRedactionTest {
    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    @Test
    void secretAndCardFieldsAreRedactedAndTheBodyKeepsItsBoundary() {
        String body = part("user", "ann") + part("password", "hunter2-secret") + part("card[number]", "4242424242424242")
                + part("card[cvc]", "123") + "--XyZ--\r\n";

        String redacted = redact(Redactor.defaults(), body);

        assertEquals(part("user", "ann") + part("password", Fingerprint.of("hunter2-secret"))
                + part("card[number]", "4200000000004242") + part("card[cvc]", "redacted:cvc") + "--XyZ--\r\n", redacted);
    }

    @Test
    void userRulesApplyToFieldsAndNameAFilePartWhoseContentAndFilenameAreFingerprinted() {
        String body = part("ssn", "123-45-6789") + file("id_scan", "passport-ann.png", "PNG-BYTES")
                + file("avatar", "me.png", "AVATAR-BYTES") + "--XyZ--\r\n";

        String redacted = redact(Redactor.withExtraNames(List.of("ssn", "id_scan")), body);

        assertFalse(redacted.contains("123-45-6789"), redacted);
        assertFalse(redacted.contains("passport-ann"), redacted);
        assertFalse(redacted.contains("PNG-BYTES"), redacted);
        assertTrue(redacted.contains(file("avatar", "me.png", "AVATAR-BYTES")), "other files stay: " + redacted);
        assertTrue(redacted.startsWith("--XyZ\r\n") && redacted.endsWith("--XyZ--\r\n"), redacted);
    }

    @Test
    void aBodyWithNothingToRedactKeepsItsExactBytes() {
        byte[] body = ("preamble\r\n" + part("user", "ann") + "--XyZ--\r\n").getBytes(StandardCharsets.UTF_8);

        byte[] redacted = redactBytes(Redactor.defaults(), TYPE, body);

        assertArrayEquals(body, redacted);
    }

    @Test
    void aBodyThatCannotBeParsedIsFingerprintedAsAWhole() {
        String broken = "--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nhunter2-secret";

        String redacted = new String(redactBytes(Redactor.defaults(), TYPE, broken.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertEquals(Fingerprint.ofBytes(broken.getBytes(StandardCharsets.UTF_8)), redacted);
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsFingerprintedAsAWhole() {
        byte[] body = part("password", "hunter2-secret").getBytes(StandardCharsets.UTF_8);

        String redacted = new String(redactBytes(Redactor.defaults(), "multipart/form-data", body),
                StandardCharsets.UTF_8);

        assertEquals(Fingerprint.ofBytes(body), redacted);
    }

    static String part(String name, String value) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    static String file(String name, String filename, String content) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n" + content + "\r\n";
    }

    private static String redact(Redactor redactor, String body) {
        return new String(redactBytes(redactor, TYPE, body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static byte[] redactBytes(Redactor redactor, String contentType, byte[] body) {
        RecordedRequest request = new RecordedRequest("POST", "https", "api.example.com", 443, "/upload", null,
                List.of(new Header("Content-Type", contentType)), Body.of(body));
        Exchange exchange = new Exchange(0, "s", Instant.EPOCH, 1, "127.0.0.1:1", request, null, null, false);
        return redactor.redact(exchange).request().body().bytes();
    }
}
