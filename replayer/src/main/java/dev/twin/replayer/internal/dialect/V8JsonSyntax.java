package dev.twin.replayer.internal.dialect;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The syntax error Node's {@code JSON.parse} reports for a body that is not JSON, as V8 11 (Node 20) words it: a
 * port of where its parser ({@code json-parser.cc}) stops and which message it picks —
 * {@code Unexpected token 'o', "{"id": nope}" is not valid JSON} (the source shown whole under 21 characters, else
 * ten characters either side of the token), {@code Expected property name or '}' in JSON at position 1},
 * {@code Unexpected end of JSON input}. Positions count UTF-16 units of the body decoded as UTF-8. Only run on a
 * body already found malformed, never on good requests.
 */
public final class V8JsonSyntax {
    private static final int CONTEXT = 10;
    private static final int MIN_LENGTH_FOR_CONTEXT = 2 * CONTEXT + 1;
    /** Sources V8 names whole: what {@code JSON.parse} of undefined, NaN, Infinity or an object receives. */
    private static final Set<String> SPECIAL = Set.of("undefined", "NaN", "Infinity", "[object Object]");

    /** Thrown where the parser stops, carrying V8's message. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private final String source;
    private int pos;

    private V8JsonSyntax(String source) {
        this.source = source;
    }

    /** V8's message for these bytes, or null when {@code JSON.parse} reads them. */
    public static String message(byte[] body) {
        V8JsonSyntax parser = new V8JsonSyntax(new String(body, StandardCharsets.UTF_8));
        try {
            parser.value();
            parser.skipWhitespace();
            if (parser.pos < parser.source.length()) {
                return "Unexpected non-whitespace character after JSON at position " + parser.pos;
            }
            return null;
        } catch (Stop stop) {
            return stop.getMessage();
        }
    }

    private void value() {
        skipWhitespace();
        if (atEnd()) {
            throw new Stop("Unexpected end of JSON input");
        }
        char c = source.charAt(pos);
        switch (c) {
            case '"' -> {
                pos++;
                string();
            }
            case '{' -> object();
            case '[' -> array();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || isDigit(c)) {
                    number();
                } else {
                    unexpected();
                }
            }
        }
    }

    private void object() {
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        boolean first = true;
        while (true) {
            if (peek() != '"') {
                expected(first ? "Expected property name or '}'" : "Expected double-quoted property name");
            }
            pos++;
            string();
            skipWhitespace();
            if (peek() != ':' && first) {
                expected("Expected ':' after property name");
            } else if (peek() != ':') {
                unexpected(); // V8 names the colon only after an object's first key
            }
            pos++;
            value();
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
                first = false;
            } else if (peek() == '}') {
                pos++;
                return;
            } else {
                expected("Expected ',' or '}' after property value");
            }
        }
    }

    private void array() {
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value();
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return;
            } else {
                expected("Expected ',' or ']' after array element");
            }
        }
    }

    /** After the opening quote: to the closing one. */
    private void string() {
        while (true) {
            if (atEnd()) {
                expected("Unterminated string");
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c < 0x20) {
                expected("Bad control character in string literal");
            }
            if (c == '\\') {
                pos++;
                if (atEnd()) {
                    throw new Stop("Unexpected end of JSON input");
                }
                char escaped = source.charAt(pos);
                if (escaped == 'u') {
                    pos++;
                    for (int i = 0; i < 4; i++) {
                        if (atEnd() || Character.digit(source.charAt(pos), 16) < 0) {
                            expected("Bad Unicode escape");
                        }
                        pos++;
                    }
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    expected("Bad escaped character");
                }
            }
            pos++;
        }
    }

    private void number() {
        if (source.charAt(pos) == '-') {
            pos++;
            if (atEnd() || !isDigit(source.charAt(pos))) {
                expected("No number after minus sign");
            }
        }
        if (source.charAt(pos) == '0') {
            pos++;
            if (!atEnd() && isDigit(source.charAt(pos))) {
                unexpected();
            }
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            if (atEnd() || !isDigit(source.charAt(pos))) {
                expected("Unterminated fractional number");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (atEnd() || !isDigit(source.charAt(pos))) {
                expected("Exponent part is missing a number");
            }
            digits();
        }
    }

    private void digits() {
        while (!atEnd() && isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    /** The literal's first character matched; each next one must, else the first that does not is unexpected. */
    private void literal(String word) {
        pos++;
        for (int i = 1; i < word.length(); i++) {
            if (atEnd()) {
                throw new Stop("Unexpected end of JSON input");
            }
            if (source.charAt(pos) != word.charAt(i)) {
                unexpected();
            }
            pos++;
        }
    }

    /** A message that names the position ({@code Expected ':' after property name in JSON at position 5}). */
    private void expected(String what) {
        throw new Stop(what + " in JSON at position " + pos);
    }

    /** The character at the position was not expected: V8 names its kind, or shows it in context. */
    private void unexpected() {
        if (atEnd()) {
            throw new Stop("Unexpected end of JSON input");
        }
        char c = source.charAt(pos);
        if (c == '"') {
            expected("Unexpected string");
        }
        if (c == '-' || isDigit(c)) {
            expected("Unexpected number");
        }
        if (SPECIAL.contains(source)) {
            throw new Stop("\"" + source + "\" is not valid JSON");
        }
        String token = "Unexpected token '" + c + "', ";
        int length = source.length();
        if (length < MIN_LENGTH_FOR_CONTEXT) {
            throw new Stop(token + "\"" + source + "\" is not valid JSON");
        }
        if (pos < CONTEXT) {
            throw new Stop(token + "\"" + source.substring(0, pos + CONTEXT) + "\"... is not valid JSON");
        }
        if (pos < length - CONTEXT) {
            throw new Stop(token + "...\"" + source.substring(pos - CONTEXT, pos + CONTEXT) + "\"... is not valid JSON");
        }
        throw new Stop(token + "...\"" + source.substring(pos - CONTEXT) + "\" is not valid JSON");
    }

    private char peek() {
        return atEnd() ? '\0' : source.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= source.length();
    }

    private void skipWhitespace() {
        while (!atEnd()) {
            char c = source.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
