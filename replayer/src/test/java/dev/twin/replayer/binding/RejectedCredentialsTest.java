package dev.twin.replayer.binding;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejectedCredentialsTest {
    private static final Pattern LIVE_KEYS = Pattern.compile("sk_live_.*");

    @Test
    void rejectsWhatTheWholePatternMatchesAndAnswersTheSameWhenAskedAgain() {
        RejectedCredentials rejected = new RejectedCredentials(LIVE_KEYS, 8);

        assertTrue(rejected.rejects("sk_live_abc"));
        assertTrue(rejected.rejects("sk_live_abc"));
        assertFalse(rejected.rejects("sk_test_abc"));
        assertFalse(rejected.rejects("sk_test_abc"));
        assertFalse(rejected.rejects("xsk_live_abc"), "the pattern must match the whole credential");
    }

    @Test
    void staysBoundedAndStillAnswersRightWhenManyCredentialsArrive() {
        RejectedCredentials rejected = new RejectedCredentials(LIVE_KEYS, 8);

        for (int i = 0; i < 100; i++) {
            String credential = (i % 2 == 0 ? "sk_live_" : "sk_test_") + i;
            assertEquals(LIVE_KEYS.matcher(credential).matches(), rejected.rejects(credential), credential);
            assertTrue(rejected.size() <= 8, "remembers " + rejected.size() + " verdicts");
        }
        assertTrue(rejected.rejects("sk_live_4"), "a forgotten credential");
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new RejectedCredentials(LIVE_KEYS, 0));
    }
}
