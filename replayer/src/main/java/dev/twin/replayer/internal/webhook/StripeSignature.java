package dev.twin.replayer.internal.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">} with
 * the endpoint's secret as the key — what stripe-java's {@code Webhook.constructEvent} verifies.
 */
public final class StripeSignature {
    public static final String HEADER = "Stripe-Signature";

    private StripeSignature() {
    }

    public static String header(String secret, long unixSeconds, String payload) {
        return "t=" + unixSeconds + ",v1=" + hmacSha256Hex(secret, unixSeconds + "." + payload);
    }

    static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
