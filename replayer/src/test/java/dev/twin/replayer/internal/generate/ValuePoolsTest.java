package dev.twin.replayer.internal.generate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped value pools are exactly what datafaker draws, so bodies do not depend on whether they were used. */
class ValuePoolsTest {
    private static final Path SOURCE = Path.of("src", "main", "resources", "dev", "twin", "replayer", "internal",
            "generate", ValuePools.RESOURCE);

    @Test
    void givenTheShippedPools_whenDatafakerDrawsThemAgain_thenTheyAreEqual() throws Exception {
        Map<String, List<String>> drawn = ValueFaker.drawPools();
        if (Boolean.getBoolean("twin.writeValuePools")) {
            Files.writeString(SOURCE, ValuePools.format(drawn), StandardCharsets.UTF_8);
        }
        assertEquals(drawn, ValuePools.stored(), "value-pools.txt is out of date: run this test with "
                + "-Dtwin.writeValuePools=true to rewrite it");
    }

    @Test
    void givenValuesWithTabsAndBackslashes_whenFormattedAndParsed_thenTheyAreUnchanged() {
        Map<String, List<String>> pools = Map.of("odd", List.of("a\tb", "c\\d", "e\nf", ""));
        assertEquals(pools, ValuePools.parse(ValuePools.format(pools)));
    }
}
