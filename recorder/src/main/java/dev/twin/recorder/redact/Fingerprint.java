package dev.twin.recorder.redact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The stable stand-in for a secret: {@code redacted:sha256:<first 12 hex of sha256(value)>}. The same secret always
 * gives the same fingerprint (no salt), so later steps can tell credentials apart without ever seeing them.
 */
public final class Fingerprint {
    public static final String PREFIX = "redacted:sha256:";
    private static final Pattern REDACTED = Pattern.compile(
            "redacted(-[a-z]+)?:sha256:[0-9a-f]{12}( redacted(-[a-z]+)?:sha256:[0-9a-f]{12})*");

    private Fingerprint() {
    }

    /** {@code redacted:sha256:<12 hex>} for the value. */
    public static String of(String value) {
        return labelled("redacted", value);
    }

    /** {@code redacted:sha256:<12 hex>} of raw bytes (a file part, a body that could not be parsed). */
    public static String ofBytes(byte[] bytes) {
        return "redacted:sha256:" + hash(bytes);
    }

    /** {@code <label>:sha256:<12 hex>}, e.g. {@code redacted-user:sha256:...}. */
    static String labelled(String label, String value) {
        return label + ":sha256:" + hash(value);
    }

    /** True for a value that already is a fingerprint, so redacting twice changes nothing. */
    public static boolean isRedacted(String value) {
        return REDACTED.matcher(value).matches();
    }

    private static String hash(String value) {
        return hash(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
