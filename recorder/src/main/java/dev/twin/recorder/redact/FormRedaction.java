package dev.twin.recorder.redact;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Redacts a query string or an application/x-www-form-urlencoded body field by field ({@link FieldRedaction}).
 * Names are matched after percent-decoding, so {@code card%5Bcvc%5D} is {@code card[cvc]}.
 */
final class FormRedaction {
    private final FieldRedaction fields;

    FormRedaction(FieldRedaction fields) {
        this.fields = fields;
    }

    /** The same string, with secret values replaced; other pairs keep their exact original encoding. */
    String redact(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return encoded;
        }
        String[] pairs = encoded.split("&", -1);
        String[] names = new String[pairs.length];
        String[] values = new String[pairs.length];
        boolean card = false;
        for (int i = 0; i < pairs.length; i++) {
            int equals = pairs[i].indexOf('=');
            if (equals >= 0) {
                names[i] = decode(pairs[i].substring(0, equals));
                values[i] = decode(pairs[i].substring(equals + 1));
                card |= PaymentCard.isNumber(values[i]);
            }
        }
        boolean changed = false;
        for (int i = 0; i < pairs.length; i++) {
            if (names[i] == null) {
                continue;
            }
            String redacted = fields.redact(names[i], values[i], card);
            if (redacted != values[i]) {
                pairs[i] = pairs[i].substring(0, pairs[i].indexOf('=') + 1) + encode(redacted);
                changed = true;
            }
        }
        return changed ? String.join("&", pairs) : encoded;
    }

    /** Fingerprints and markers are written as they are (their {@code :} is legal in a query), masks encoded. */
    private static String encode(String value) {
        return Fingerprint.isRedacted(value) || PaymentCard.isMark(value)
                ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
