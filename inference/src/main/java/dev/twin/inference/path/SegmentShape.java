package dev.twin.inference.path;

import java.util.regex.Pattern;

/** What one path segment looks like on its own: an identifier-like value, a version, or a plain word. */
public enum SegmentShape {
    INTEGER, UUID, ULID, HEX, PREFIXED_ID, TWILIO_SID, EMAIL, TOKEN, DATE, VERSION, WORD, OTHER;

    private static final Pattern INTEGER_RE = Pattern.compile("\\d+");
    private static final Pattern UUID_RE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ULID_RE = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final Pattern HEX_RE = Pattern.compile("[0-9a-fA-F]{16,}");
    private static final Pattern PREFIXED_RE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*_[A-Za-z0-9]{8,}");
    private static final Pattern SID_RE = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");
    private static final Pattern EMAIL_RE = Pattern.compile("[^@/\\s]+@[^@/\\s]+\\.[A-Za-z]{2,}");
    /** Base64 or base64url of 24 characters or more (an access token, a signed state), padding allowed. */
    private static final Pattern TOKEN_RE = Pattern.compile("[A-Za-z0-9+_-]{24,}={0,2}");
    private static final Pattern DATE_RE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern VERSION_RE = Pattern.compile("v\\d+(\\.\\d+)*(beta|alpha)?\\d*");
    private static final Pattern WORD_RE = Pattern.compile("[A-Za-z][A-Za-z_-]*(\\.json|\\.xml)?|__[a-z]+");

    /** The shape of a segment without any file-like suffix (see {@link #suffix}). */
    public static SegmentShape of(String segment) {
        String value = stripSuffix(segment);
        if (VERSION_RE.matcher(value).matches()) {
            return VERSION;
        }
        if (DATE_RE.matcher(value).matches()) {
            return DATE;
        }
        if (INTEGER_RE.matcher(value).matches()) {
            return INTEGER;
        }
        if (UUID_RE.matcher(value).matches()) {
            return UUID;
        }
        if (SID_RE.matcher(value).matches()) {
            return TWILIO_SID;
        }
        if (ULID_RE.matcher(value).matches()) {
            return ULID;
        }
        if (HEX_RE.matcher(value).matches() && value.chars().anyMatch(Character::isDigit)) {
            return HEX;
        }
        if (PREFIXED_RE.matcher(value).matches() && hasDigitOrMixedCase(value.substring(value.lastIndexOf('_') + 1))) {
            return PREFIXED_ID;
        }
        if (EMAIL_RE.matcher(value).matches()) {
            return EMAIL;
        }
        if (TOKEN_RE.matcher(value).matches() && hasDigitAndMixedCase(value)) {
            return TOKEN;
        }
        if (WORD_RE.matcher(segment).matches()) {
            return WORD;
        }
        return OTHER;
    }

    /** True for shapes that are values by themselves, whatever their siblings are. */
    public boolean isIdentifier() {
        return switch (this) {
            case INTEGER, UUID, ULID, HEX, PREFIXED_ID, TWILIO_SID, EMAIL, TOKEN -> true;
            default -> false;
        };
    }

    /** ".json" for "SM0123….json", "" otherwise: Twilio-style resources keep their suffix in the template. */
    public static String suffix(String segment) {
        int dot = segment.lastIndexOf('.');
        if (dot > 0) {
            String ext = segment.substring(dot);
            if (ext.equals(".json") || ext.equals(".xml") || ext.equals(".csv")) {
                return ext;
            }
        }
        return "";
    }

    static String stripSuffix(String segment) {
        return segment.substring(0, segment.length() - suffix(segment).length());
    }

    /** Drawn, not written: a digit and letters of both cases (a word or a slug has not). */
    private static boolean hasDigitAndMixedCase(String s) {
        return s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isUpperCase)
                && s.chars().anyMatch(Character::isLowerCase);
    }

    private static boolean hasDigitOrMixedCase(String s) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return digit || (upper && lower);
    }
}
