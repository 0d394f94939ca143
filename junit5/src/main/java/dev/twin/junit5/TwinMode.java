package dev.twin.junit5;

import java.util.Locale;

/**
 * How a {@linkplain TwinExtension.Builder#recording recording} extension runs a test class. Chosen by the JUnit
 * configuration parameter or system property {@code twin.mode}, else the environment variable {@code TWIN_MODE};
 * without either, a class records when its twin directory holds no twin yet and replays otherwise.
 */
public enum TwinMode {
    /** The tests talk to the real API through the recording proxy; after the class the twin is inferred. */
    RECORD,
    /** The tests talk to the inferred twin. */
    REPLAY,
    /** The recording is replayed against the inferred twin first, and the class fails below the minimum score. */
    VERIFY;

    static final String VARIABLE = "TWIN_MODE";
    static final String PROPERTY = "twin.mode";

    /**
     * The mode the build asks for, or null when it asks for none.
     *
     * @param parameter the JUnit configuration parameter {@value #PROPERTY} (JUnit also reads system properties), or
     *                  null
     */
    static TwinMode asked(String parameter) {
        String value = parameter != null ? parameter : System.getenv(VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " (or " + VARIABLE + ") must be record, replay or verify,"
                    + " not '" + value + "'");
        }
    }
}
