package dev.twin.recorder.redact;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Redacts the values of matching fields in a query string or an application/x-www-form-urlencoded body. */
final class FormRedaction {
    private final NameMatcher fields;

    FormRedaction(NameMatcher fields) {
        this.fields = fields;
    }

    /** The same string, with matching values fingerprinted; other pairs keep their exact original encoding. */
    String redact(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return encoded;
        }
        String[] pairs = encoded.split("&", -1);
        boolean changed = false;
        for (int i = 0; i < pairs.length; i++) {
            int equals = pairs[i].indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = decode(pairs[i].substring(0, equals));
            String value = decode(pairs[i].substring(equals + 1));
            if (fields.matchesField(name) && !value.isEmpty() && !Fingerprint.isRedacted(value)) {
                pairs[i] = pairs[i].substring(0, equals + 1) + Fingerprint.of(value);
                changed = true;
            }
        }
        return changed ? String.join("&", pairs) : encoded;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
