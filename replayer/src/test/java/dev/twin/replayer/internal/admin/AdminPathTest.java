package dev.twin.replayer.internal.admin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which paths are admin paths: written plainly, hidden by encoding or normalisation, or the provider API's. */
class AdminPathTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/__twin/state, ADMIN",
        "/__twin, ADMIN",
        "/__twin/, ADMIN",
        "/__twin/snapshots/before%20run/restore, ADMIN",
        "/%5f%5ftwin/state, OBSCURED",
        "/__twin%2fstate, OBSCURED",
        "/__twin/snapshots/a%2fb/restore, OBSCURED",
        "//__twin/state, OBSCURED",
        "/v1/customers/%2e%2e/%2e%2e/__twin/state, OBSCURED",
        "/__Twin/state, OBSCURED",
        "/v1/customers, API",
        "/v1/customers/__twin, API",
        "/__twinkle/state, API",
        "/v1/%5f%5fx, API"
    })
    void classifiesByWhatThePathIsOnceDecodedAndHowItWasWritten(String rawPath, AdminPath.Kind expected) {
        String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);

        assertEquals(expected, AdminPath.classify(rawPath, decoded));
    }
}
