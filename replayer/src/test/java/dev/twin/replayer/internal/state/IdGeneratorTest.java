package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.IdAlphabet;
import dev.twin.replayer.config.IdStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdGeneratorTest {

    @Test
    void prefixStrategyMintsStripeShapedIds() {
        IdGenerator ids = IdGenerator.forTable(StateFixtures.table("customers", IdStrategy.PREFIX, "cus_", null));

        assertAllMatch(ids::next, "cus_[A-Za-z0-9]{14}");
    }

    @Test
    void prefixStrategyHonoursLengthAndAlphabet() {
        IdGenerator ids = IdGenerator.prefixed("AC", 32, IdAlphabet.LOWERHEX);

        assertAllMatch(ids::next, "AC[0-9a-f]{32}");
    }

    @Test
    void patternStrategyMintsTwilioShapedSids() {
        IdGenerator ids = IdGenerator.forTable(StateFixtures.table("sms", IdStrategy.PATTERN, "", "SM[0-9a-f]{32}"));

        assertAllMatch(ids::next, "SM[0-9a-f]{32}");
    }

    @Test
    void patternStrategySupportsCountRangesAndShorthandClasses() {
        IdGenerator ids = IdGenerator.pattern("ord-\\d{4}-\\w{2,5}");

        assertAllMatch(ids::next, "ord-[0-9]{4}-[A-Za-z0-9_]{2,5}");
    }

    @Test
    void uuidStrategyMintsVersion4Uuids() {
        IdGenerator ids = IdGenerator.forTable(StateFixtures.table("things", IdStrategy.UUID, "", null));

        List<String> minted = assertAllMatch(ids::next,
                "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertEquals(4, UUID.fromString(minted.get(0)).version());
    }

    @Test
    void ulidStrategyMintsCrockfordBase32StartingWithTheTime() {
        IdGenerator ids = IdGenerator.forTable(StateFixtures.table("events", IdStrategy.ULID, "", null));
        long before = System.currentTimeMillis();

        List<String> minted = assertAllMatch(ids::next, "[0-7][0-9A-HJKMNP-TV-Z]{25}");

        long decodedTime = decodeCrockford(minted.get(0).substring(0, 10));
        assertTrue(decodedTime >= before && decodedTime <= System.currentTimeMillis(),
                "the first 10 characters encode the creation time");
    }

    @Test
    void ulidEncodesKnownTimeExactly() {
        String ulid = Ulid.create(1_469_918_176_385L, new java.util.Random(1));

        assertEquals("01ARYZ6S41", ulid.substring(0, 10), "the time part from the ULID spec's example");
    }

    @Test
    void sequenceStrategyCountsFromOne() {
        IdGenerator ids = IdGenerator.forTable(StateFixtures.table("messages", IdStrategy.SEQUENCE, "", null));

        assertEquals(List.of("1", "2", "3"), List.of(ids.next(), ids.next(), ids.next()));
    }

    private static List<String> assertAllMatch(Supplier<String> ids, String regex) {
        List<String> minted = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = ids.get();
            assertTrue(id.matches(regex), () -> id + " does not match " + regex);
            minted.add(id);
            unique.add(id);
        }
        assertEquals(minted.size(), unique.size(), "ids are unique");
        return minted;
    }

    private static long decodeCrockford(String text) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long value = 0;
        for (char c : text.toCharArray()) {
            value = value * 32 + alphabet.indexOf(c);
        }
        return value;
    }
}
