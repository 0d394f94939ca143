package dev.twin.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The ETag schemes servers compute from a body's bytes: Express's weak {@code W/"<length hex>-<SHA-1 base64>"} and
 * strong hex MD5 or SHA-1 digests. Used to tell an ETag that differs only because the body holds minted values.
 */
final class BodyDigest {
    private static final List<Function<byte[], String>> SCHEMES = List.of(
            bytes -> "W/\"" + Integer.toHexString(bytes.length) + "-"
                    + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-1", bytes)) + "\"",
            bytes -> "\"" + HexFormat.of().formatHex(digest("MD5", bytes)) + "\"",
            bytes -> "\"" + HexFormat.of().formatHex(digest("SHA-1", bytes)) + "\"");

    private BodyDigest() {
    }

    /**
     * The tag as the same scheme's digest of the body as the transcript keeps it (its server's address read as
     * {@code {base}}), when it was a digest of the body as sent: a twin on another port digests other bytes for the
     * same answer, as a Location names another origin. Any other tag as it was.
     */
    static String ofKeptBody(String tag, String sentBody, String keptBody) {
        if (tag == null || sentBody.equals(keptBody)) {
            return tag;
        }
        byte[] sent = sentBody.getBytes(StandardCharsets.UTF_8);
        for (Function<byte[], String> scheme : SCHEMES) {
            if (scheme.apply(sent).equals(tag)) {
                return scheme.apply(keptBody.getBytes(StandardCharsets.UTF_8));
            }
        }
        return tag;
    }

    /** Both ETags are present and each is the same scheme's digest of its own body's UTF-8 bytes. */
    static boolean sameScheme(String recordedTag, String recordedBody, String twinTag, String twinBody) {
        if (recordedTag == null || twinTag == null) {
            return false;
        }
        byte[] recorded = recordedBody.getBytes(StandardCharsets.UTF_8);
        byte[] twin = twinBody.getBytes(StandardCharsets.UTF_8);
        for (Function<byte[], String> scheme : SCHEMES) {
            if (scheme.apply(recorded).equals(recordedTag) && scheme.apply(twin).equals(twinTag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
