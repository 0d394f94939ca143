package dev.twin.recorder.redact;

import dev.twin.recorder.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Redacts header values, keeping the parts that are not secret:
 * <ul>
 *   <li>{@code Authorization: Bearer sk_x} becomes {@code Bearer redacted:sha256:...} (the scheme stays);</li>
 *   <li>{@code Authorization: Basic base64(user:pass)} becomes
 *       {@code Basic redacted-user:sha256:<fp(user)> redacted-password:sha256:<fp(pass)>} (the password part only
 *       when there is one), so accounts stay distinguishable by user even when passwords rotate;</li>
 *   <li>{@code Cookie: a=1; b=2} keeps the cookie names and fingerprints each value; {@code Set-Cookie} fingerprints
 *       the value and keeps the attributes (Path, Expires, ...);</li>
 *   <li>{@code Location}, {@code Content-Location} and {@code Referer} URLs get their query redacted like a request
 *       query;</li>
 *   <li>any other matching header gets its whole value fingerprinted.</li>
 * </ul>
 */
final class HeaderRedaction {
    private final NameMatcher names;
    private final FormRedaction query;

    HeaderRedaction(NameMatcher names, FormRedaction query) {
        this.names = names;
        this.query = query;
    }

    List<Header> redact(List<Header> headers) {
        List<Header> result = new ArrayList<>(headers.size());
        for (Header header : headers) {
            result.add(new Header(header.name(), redactValue(header.name().toLowerCase(Locale.ROOT), header.value())));
        }
        return result;
    }

    private String redactValue(String name, String value) {
        if (name.equals("location") || name.equals("content-location") || name.equals("referer")) {
            return redactUrlQuery(value);
        }
        if (!names.matches(name) || value.isEmpty() || Fingerprint.isRedacted(value)) {
            return value;
        }
        return switch (name) {
            case "authorization", "proxy-authorization" -> authorization(value);
            case "cookie" -> cookies(value);
            case "set-cookie" -> setCookie(value);
            default -> Fingerprint.of(value);
        };
    }

    private String redactUrlQuery(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return url;
        }
        int hash = url.indexOf('#', question);
        String rawQuery = hash < 0 ? url.substring(question + 1) : url.substring(question + 1, hash);
        String rest = hash < 0 ? "" : url.substring(hash);
        return url.substring(0, question + 1) + query.redact(rawQuery) + rest;
    }

    private static String authorization(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return Fingerprint.of(value);
        }
        String scheme = value.substring(0, space);
        String credentials = value.substring(space + 1).trim();
        if (Fingerprint.isRedacted(credentials)) {
            return value;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String basic = basic(credentials);
            if (basic != null) {
                return scheme + " " + basic;
            }
        }
        return scheme + " " + Fingerprint.of(credentials);
    }

    private static String basic(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = Fingerprint.labelled("redacted-user", decoded.substring(0, colon));
        String password = decoded.substring(colon + 1);
        return password.isEmpty() ? user : user + " " + Fingerprint.labelled("redacted-password", password);
    }

    private static String cookies(String value) {
        String[] cookies = value.split(";", -1);
        for (int i = 0; i < cookies.length; i++) {
            cookies[i] = cookie(cookies[i]);
        }
        return String.join(";", cookies);
    }

    private static String setCookie(String value) {
        int semicolon = value.indexOf(';');
        return semicolon < 0 ? cookie(value) : cookie(value.substring(0, semicolon)) + value.substring(semicolon);
    }

    /** {@code name=value} with the value fingerprinted; whitespace around the pair is kept. */
    private static String cookie(String pair) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
            return pair.isBlank() ? pair : Fingerprint.of(pair.trim());
        }
        String value = pair.substring(equals + 1).trim();
        if (value.isEmpty() || Fingerprint.isRedacted(value)) {
            return pair;
        }
        return pair.substring(0, equals + 1) + Fingerprint.of(value);
    }
}
