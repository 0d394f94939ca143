package dev.twin.replayer.internal.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderIndexTest {

    @Test
    void ranksAndPositionsMatchANaiveListThroughAddsRemovalsAndUnlisting() {
        Random random = new Random(18);
        OrderIndex index = new OrderIndex();
        Map<String, Boolean> reference = new LinkedHashMap<>(); // id -> listed, in creation order
        int created = 0;
        for (int step = 0; step < 5_000; step++) {
            int op = random.nextInt(10);
            List<String> present = new ArrayList<>(reference.keySet());
            if (op < 5 || present.isEmpty()) {
                String id = "r" + created++;
                boolean listed = random.nextInt(8) != 0;
                index.add(id, listed);
                reference.put(id, listed);
            } else if (op < 8) {
                String id = present.get(random.nextInt(present.size()));
                index.remove(id);
                reference.remove(id);
            } else {
                String id = present.get(random.nextInt(present.size()));
                boolean listed = random.nextBoolean();
                index.add(id, listed); // present already: keeps its place, changes only whether it is listed
                reference.put(id, listed);
            }
            if (step % 50 == 0) {
                assertSame(reference, index);
            }
        }
        assertSame(reference, index);
    }

    @Test
    void anIdRemovedAndAddedAgainGoesLast() {
        OrderIndex index = new OrderIndex();
        index.add("a", true);
        index.add("b", true);
        index.remove("a");
        index.add("a", true);

        assertEquals(List.of("b", "a"), List.of(index.at(0), index.at(1)));
    }

    @Test
    void aCopyDoesNotSeeLaterChangesOfTheOriginal() {
        OrderIndex original = new OrderIndex();
        original.add("a", true);
        OrderIndex copy = original.copy();
        original.add("b", true);
        original.remove("a");

        assertEquals(1, copy.size());
        assertEquals("a", copy.at(0));
        assertEquals(-1, copy.rank("b"));
    }

    private static void assertSame(Map<String, Boolean> reference, OrderIndex index) {
        List<String> listed = reference.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .toList();
        assertEquals(listed.size(), index.size());
        for (int rank = 0; rank < listed.size(); rank++) {
            assertEquals(listed.get(rank), index.at(rank), "at " + rank);
            assertEquals(rank, index.rank(listed.get(rank)), "rank of " + listed.get(rank));
        }
        reference.forEach((id, isListed) -> {
            if (!isListed) {
                assertEquals(-1, index.rank(id), "an unlisted row has no rank: " + id);
            }
        });
    }
}
