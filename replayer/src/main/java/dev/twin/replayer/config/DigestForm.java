package dev.twin.replayer.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A header value that is a digest of the bytes answered, in one form: {@code sha256:{{sha256}}} (a Docker
 * registry's {@code Docker-Content-Digest}), {@code "{{md5}}"} (an S3 ETag). One placeholder, {@code {{sha256}}},
 * {@code {{sha1}}} or {@code {{md5}}}, stands for the lower-case hex digest; the text around it is kept.
 */
public record DigestForm(String before, String algorithm, String after) {
    private static final Map<String, String> ALGORITHMS = Map.of("sha256", "SHA-256", "sha1", "SHA-1", "md5", "MD5");

    /** The form written in twin.yaml; an {@link IllegalArgumentException} says what is wrong with it. */
    public static DigestForm parse(String text) {
        for (Map.Entry<String, String> algorithm : ALGORITHMS.entrySet()) {
            String mark = "{{" + algorithm.getKey() + "}}";
            int at = text.indexOf(mark);
            if (at >= 0) {
                String after = text.substring(at + mark.length());
                if (after.contains("{{") || text.substring(0, at).contains("{{")) {
                    throw new IllegalArgumentException("'" + text + "' holds more than one placeholder; a digest "
                            + "header holds one of {{sha256}}, {{sha1}}, {{md5}}");
                }
                return new DigestForm(text.substring(0, at), algorithm.getValue(), after);
            }
        }
        throw new IllegalArgumentException("'" + text + "' holds no digest; write one of {{sha256}}, {{sha1}}, "
                + "{{md5}} where the hex digest of the answered bytes stands");
    }

    /** The header value for these bytes. */
    public String render(byte[] bytes) {
        try {
            return before + HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes)) + after;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
