package dev.twin.replayer.internal.state;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.twin.replayer.internal.state.StateFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What serving derives from a row (its answer's JSON) is kept with the row while the row is in its table. */
class RowDerivedValueTest {
    private static final Object KEY = new Object();

    private final StateStore store = StateStore.inMemory(StateFixtures.standardTables(), new StateFixtures.TestClock());
    private final AtomicInteger derivations = new AtomicInteger();

    @AfterEach
    void close() {
        store.close();
    }

    private int derive(Row row) {
        return row.derived(KEY, r -> derivations.incrementAndGet());
    }

    private Row insert() {
        return store.inTransaction("t_a", tables -> tables.insert("customers", json("{'name': 'Ada'}")));
    }

    @Test
    void givenARowInItsTable_whenAValueIsDerivedTwiceWithTheSameKey_thenItIsMadeOnce() {
        Row row = insert();

        derive(row);
        int second = derive(row);

        assertEquals(1, second);
        assertEquals(1, derivations.get());
    }

    @Test
    void givenARowWithADerivedValue_whenAnotherKeyAsks_thenTheValueIsMadeForThatKey() {
        Row row = insert();
        derive(row);

        row.derived(new Object(), r -> derivations.incrementAndGet());

        assertEquals(2, derivations.get());
    }

    @Test
    void givenARowWithADerivedValue_whenTheRowIsReplaced_thenTheOldRowNoLongerKeepsIt() {
        Row row = insert();
        derive(row);

        store.inTransaction("t_a", tables -> tables.replace("customers", row.id(), json("{'name': 'Bo'}")));
        derive(row);

        assertEquals(2, derivations.get());
    }

    @Test
    void givenARowWithADerivedValue_whenTheRowIsDeleted_thenItNoLongerKeepsIt() {
        Row row = insert();
        derive(row);

        store.inTransaction("t_a", tables -> tables.delete("customers", row.id()));
        derive(row);

        assertEquals(2, derivations.get());
    }
}
