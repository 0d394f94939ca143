package dev.twin.recorder.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdRunsTest {
    @Test
    void consecutiveIdsStayOneRun() {
        IdRuns runs = IdRuns.EMPTY;
        for (long id = 7; id <= 10_000; id++) {
            runs = runs.plus(id);
        }
        assertArrayEquals(new long[]{7, 10_000}, runs.toArray());
        assertEquals(9_994, runs.ascending().count());
    }

    @Test
    void gapsStartNewRunsAndBothDirectionsListEveryId() {
        IdRuns runs = IdRuns.EMPTY.plus(1).plus(2).plus(5).plus(9).plus(10);

        assertArrayEquals(new long[]{1, 2, 5, 5, 9, 10}, runs.toArray());
        assertEquals(List.of(1L, 2L, 5L, 9L, 10L), runs.ascending().boxed().toList());
        assertEquals(List.of(10L, 9L, 5L, 2L, 1L), runs.descending().boxed().toList());
        assertEquals(List.of(), IdRuns.EMPTY.descending().boxed().toList());
    }

    @Test
    void storedArrayReadsBackAndAnOddOneIsRefused() {
        IdRuns runs = IdRuns.of(new long[]{3, 4, 8, 8});

        assertEquals(List.of(3L, 4L, 8L, 9L), runs.plus(9).ascending().boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> IdRuns.of(new long[]{1, 2, 3}));
    }
}
