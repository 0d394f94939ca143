package dev.twin.replayer.internal.form;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code application/x-www-form-urlencoded} text (a body or a raw query string) into ordered pairs.
 * Lenient like browsers: a malformed percent escape is kept as written instead of failing the request.
 */
public final class UrlEncoded {
    private UrlEncoded() {
    }

    public static List<FormPair> parse(String text) {
        return parse(text, Integer.MAX_VALUE);
    }

    /**
     * The first {@code maxPairs} pairs of {@code text}: a caller that refuses more than N pairs asks for N + 1 and
     * never splits (nor allocates) the rest of a body with a hundred thousand.
     */
    public static List<FormPair> parse(String text, int maxPairs) {
        List<FormPair> pairs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pairs;
        }
        int start = 0;
        int length = text.length();
        while (start <= length && pairs.size() < maxPairs) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                String pair = text.substring(start, end);
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!name.isEmpty()) {
                    pairs.add(new FormPair(name, value));
                }
            }
            start = end + 1;
        }
        return pairs;
    }

    /** Percent-decodes as UTF-8 with '+' as space. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }
}
