package dev.twin.replayer.internal.dialect;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The syntax error Go's {@code encoding/json} reports for bytes that are not JSON ({@code json.Unmarshal}, which
 * checks the whole input before decoding): a port of its scanner's state machine ({@code scanner.go}), so the
 * wording is Go's own for every input — {@code invalid character 'o' in literal null (expecting 'u')},
 * {@code invalid character '}' looking for beginning of object key string}, {@code unexpected end of JSON input}.
 *
 * <p>Faithful to Go's quirks: at the end of the input the scanner is fed one space, so {@code tru} reads
 * {@code invalid character ' ' in literal true (expecting 'e')}, and a byte is quoted as the character of that
 * code point ({@code 'Ã'} for 0xC3). Only run on a body already found malformed, never on good requests.
 */
public final class GoJsonSyntax {
    private enum Parse { OBJECT_KEY, OBJECT_VALUE, ARRAY_VALUE }

    private enum State {
        BEGIN_VALUE_OR_EMPTY, BEGIN_VALUE, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, END_VALUE, END_TOP,
        IN_STRING, IN_STRING_ESC, IN_STRING_ESC_U, IN_STRING_ESC_U1, IN_STRING_ESC_U12, IN_STRING_ESC_U123,
        NEG, ONE, ZERO, DOT, DOT0, E, E_SIGN, E0,
        T, TR, TRU, F, FA, FAL, FALS, N, NU, NUL
    }

    /** Go's limit on nested arrays and objects. */
    private static final int MAX_DEPTH = 10_000;

    private final Deque<Parse> parse = new ArrayDeque<>();
    private State state = State.BEGIN_VALUE;
    private boolean endTop;
    private String error;

    private GoJsonSyntax() {
    }

    /** Go's message for these bytes, or null when Go reads them as one JSON value. */
    public static String message(byte[] body) {
        GoJsonSyntax scanner = new GoJsonSyntax();
        for (byte b : body) {
            scanner.step(b & 0xFF);
            if (scanner.error != null) {
                return scanner.error;
            }
        }
        return scanner.eof();
    }

    private String eof() {
        if (endTop) {
            return null;
        }
        step(' ');
        if (error != null) {
            return error;
        }
        return endTop ? null : "unexpected end of JSON input";
    }

    private void step(int c) {
        switch (state) {
            case BEGIN_VALUE_OR_EMPTY -> {
                if (!isSpace(c)) {
                    if (c == ']') {
                        endValue(c);
                    } else {
                        beginValue(c);
                    }
                }
            }
            case BEGIN_VALUE -> beginValue(c);
            case BEGIN_STRING_OR_EMPTY -> {
                if (c == '}') {
                    parse.pop();
                    parse.push(Parse.OBJECT_VALUE);
                    endValue(c);
                } else {
                    beginString(c);
                }
            }
            case BEGIN_STRING -> beginString(c);
            case END_VALUE -> endValue(c);
            case END_TOP -> endTop(c);
            case IN_STRING -> {
                if (c == '"') {
                    state = State.END_VALUE;
                } else if (c == '\\') {
                    state = State.IN_STRING_ESC;
                } else if (c < 0x20) {
                    fail(c, "in string literal");
                }
            }
            case IN_STRING_ESC -> {
                if ("bfnrt\\/\"".indexOf(c) >= 0) {
                    state = State.IN_STRING;
                } else if (c == 'u') {
                    state = State.IN_STRING_ESC_U;
                } else {
                    fail(c, "in string escape code");
                }
            }
            case IN_STRING_ESC_U -> hex(c, State.IN_STRING_ESC_U1);
            case IN_STRING_ESC_U1 -> hex(c, State.IN_STRING_ESC_U12);
            case IN_STRING_ESC_U12 -> hex(c, State.IN_STRING_ESC_U123);
            case IN_STRING_ESC_U123 -> hex(c, State.IN_STRING);
            case NEG -> {
                if (c == '0') {
                    state = State.ZERO;
                } else if (isDigit(c)) {
                    state = State.ONE;
                } else {
                    fail(c, "in numeric literal");
                }
            }
            case ONE -> {
                if (!isDigit(c)) {
                    zero(c);
                }
            }
            case ZERO -> zero(c);
            case DOT -> {
                if (isDigit(c)) {
                    state = State.DOT0;
                } else {
                    fail(c, "after decimal point in numeric literal");
                }
            }
            case DOT0 -> {
                if (c == 'e' || c == 'E') {
                    state = State.E;
                } else if (!isDigit(c)) {
                    endValue(c);
                }
            }
            case E -> {
                if (c == '+' || c == '-') {
                    state = State.E_SIGN;
                } else {
                    exponentSign(c);
                }
            }
            case E_SIGN -> exponentSign(c);
            case E0 -> {
                if (!isDigit(c)) {
                    endValue(c);
                }
            }
            case T -> literal(c, 'r', State.TR, "true");
            case TR -> literal(c, 'u', State.TRU, "true");
            case TRU -> literal(c, 'e', State.END_VALUE, "true");
            case F -> literal(c, 'a', State.FA, "false");
            case FA -> literal(c, 'l', State.FAL, "false");
            case FAL -> literal(c, 's', State.FALS, "false");
            case FALS -> literal(c, 'e', State.END_VALUE, "false");
            case N -> literal(c, 'u', State.NU, "null");
            case NU -> literal(c, 'l', State.NUL, "null");
            case NUL -> literal(c, 'l', State.END_VALUE, "null");
            default -> throw new IllegalStateException("unknown state " + state);
        }
    }

    private void beginValue(int c) {
        if (isSpace(c)) {
            return;
        }
        switch (c) {
            case '{' -> push(Parse.OBJECT_KEY, State.BEGIN_STRING_OR_EMPTY, c);
            case '[' -> push(Parse.ARRAY_VALUE, State.BEGIN_VALUE_OR_EMPTY, c);
            case '"' -> state = State.IN_STRING;
            case '-' -> state = State.NEG;
            case '0' -> state = State.ZERO;
            case 't' -> state = State.T;
            case 'f' -> state = State.F;
            case 'n' -> state = State.N;
            default -> {
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    fail(c, "looking for beginning of value");
                }
            }
        }
    }

    private void push(Parse p, State next, int c) {
        if (parse.size() >= MAX_DEPTH) {
            error = "exceeded max depth";
            return;
        }
        parse.push(p);
        state = next;
    }

    private void beginString(int c) {
        if (isSpace(c)) {
            return;
        }
        if (c == '"') {
            state = State.IN_STRING;
        } else {
            fail(c, "looking for beginning of object key string");
        }
    }

    private void endValue(int c) {
        if (parse.isEmpty()) {
            state = State.END_TOP;
            endTop = true;
            endTop(c);
            return;
        }
        if (isSpace(c)) {
            state = State.END_VALUE;
            return;
        }
        switch (parse.peek()) {
            case OBJECT_KEY -> {
                if (c == ':') {
                    parse.pop();
                    parse.push(Parse.OBJECT_VALUE);
                    state = State.BEGIN_VALUE;
                } else {
                    fail(c, "after object key");
                }
            }
            case OBJECT_VALUE -> {
                if (c == ',') {
                    parse.pop();
                    parse.push(Parse.OBJECT_KEY);
                    state = State.BEGIN_STRING;
                } else if (c == '}') {
                    pop();
                } else {
                    fail(c, "after object key:value pair");
                }
            }
            case ARRAY_VALUE -> {
                if (c == ',') {
                    state = State.BEGIN_VALUE;
                } else if (c == ']') {
                    pop();
                } else {
                    fail(c, "after array element");
                }
            }
            default -> throw new IllegalStateException("unknown parse state");
        }
    }

    private void pop() {
        parse.pop();
        if (parse.isEmpty()) {
            state = State.END_TOP;
            endTop = true;
        } else {
            state = State.END_VALUE;
        }
    }

    private void endTop(int c) {
        if (!isSpace(c)) {
            fail(c, "after top-level value");
        }
    }

    private void zero(int c) {
        if (c == '.') {
            state = State.DOT;
        } else if (c == 'e' || c == 'E') {
            state = State.E;
        } else {
            endValue(c);
        }
    }

    private void exponentSign(int c) {
        if (isDigit(c)) {
            state = State.E0;
        } else {
            fail(c, "in exponent of numeric literal");
        }
    }

    private void hex(int c, State next) {
        if (isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            state = next;
        } else {
            fail(c, "in \\u hexadecimal character escape");
        }
    }

    private void literal(int c, char expected, State next, String word) {
        if (c == expected) {
            state = next;
        } else {
            fail(c, "in literal " + word + " (expecting '" + expected + "')");
        }
    }

    private void fail(int c, String context) {
        error = "invalid character " + quoteChar(c) + " " + context;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Go's {@code quoteChar}: the byte as a character in single quotes, escaped as {@code strconv.Quote} does. */
    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        return "'" + goEscaped(c) + "'";
    }

    /** The code point as {@code strconv.Quote} writes it inside its quotes (printable ones as they are). */
    private static String goEscaped(int c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 11 -> "\\v";
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    yield String.format("\\x%02x", c);
                }
                if (c >= 0x80 && c <= 0xA0 || c == 0xAD) {
                    yield String.format("\\u%04x", c); // Latin-1 controls, no-break space, soft hyphen
                }
                yield String.valueOf((char) c);
            }
        };
    }
}
