package dev.twin.replayer.internal.callback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Twilio's request signature, {@code X-Twilio-Signature}: the base64 HMAC-SHA1, keyed by the account's auth token,
 * of the full URL followed by each form field's name and value, fields sorted by name — what the Twilio SDKs'
 * {@code RequestValidator.validate(url, params, signature)} checks.
 */
public final class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    /** @param params the form fields (none for a GET, whose URL carries them) */
    public static String of(String key, String url, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(url);
        List<String> names = new ArrayList<>(params.keySet());
        Collections.sort(names);
        for (String name : names) {
            signed.append(name).append(params.get(name) == null ? "" : params.get(name));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA1", e);
        }
    }
}
