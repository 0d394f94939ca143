package dev.twin.replayer.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two halves of a request's {@code Authorization} header: the user (Basic auth's user name — Twilio's account
 * SID) and the password (Basic auth's password — Twilio's auth token — or a Bearer token). Read on demand, never
 * stored by this class.
 */
public final class BasicAuth {
    private BasicAuth() {
    }

    /** The Basic-auth user name, or null (no header, a Bearer token, an empty user). */
    public static String user(TwinRequest request) {
        String[] pair = basic(request);
        return pair == null || pair[0].isEmpty() ? null : pair[0];
    }

    /** The Basic-auth password or the Bearer token, or null. */
    public static String password(TwinRequest request) {
        String header = request.header("authorization");
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        String[] pair = basic(request);
        return pair == null || pair[1].isEmpty() ? null : pair[1];
    }

    private static String[] basic(TwinRequest request) {
        String header = request.header("authorization");
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new String[] {decoded, ""} : new String[] {decoded.substring(0, colon),
                decoded.substring(colon + 1)};
    }
}
