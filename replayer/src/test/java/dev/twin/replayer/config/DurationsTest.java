package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationsTest {
    @Test
    void shortFormsUseTheirUnit() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("90s"));
        assertEquals(Optional.of(Duration.ofMinutes(30)), Durations.parse("30m"));
        assertEquals(Optional.of(Duration.ofHours(24)), Durations.parse("24h"));
        assertEquals(Optional.of(Duration.ofDays(7)), Durations.parse("7d"));
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
    }

    @Test
    void isoFormIsAccepted() {
        assertEquals(Optional.of(Duration.ofMinutes(90)), Durations.parse("PT1H30M"));
    }

    @Test
    void zeroNegativeUnitlessAndOverflowingDurationsAreRejected() {
        assertEquals(Optional.empty(), Durations.parse("0s"));
        assertEquals(Optional.empty(), Durations.parse("-5m"));
        assertEquals(Optional.empty(), Durations.parse("PT-1H"));
        assertEquals(Optional.empty(), Durations.parse("24"));
        assertEquals(Optional.empty(), Durations.parse("24 hours"));
        assertEquals(Optional.empty(), Durations.parse("1w"));
        assertEquals(Optional.empty(), Durations.parse("99999999999999999999d"));
        assertEquals(Optional.empty(), Durations.parse("9999999999999999d"));
    }

    @Test
    void givenADurationInTwinYaml_whenLoaded_thenTheSettingHasIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = ConfigFiles.twinYaml(dir,
                "imports: [{path: spec.yaml}]\ntenancy: {expireAfter: 90s}\nidempotency: {window: 1h}\n");

        TwinConfig config = ConfigLoader.load(file);

        assertEquals(Duration.ofSeconds(90), config.tenancy().expireAfter());
        assertEquals(Duration.ofHours(1), config.idempotency().window());
    }
}
