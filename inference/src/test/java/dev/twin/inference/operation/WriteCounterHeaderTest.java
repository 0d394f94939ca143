package dev.twin.inference.operation;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which response header counts the API's accepted writes, from answers in recording order. */
class WriteCounterHeaderTest {

    @Test
    void givenAHeaderThatMovesWithEveryAcceptedWrite_whenRead_thenItIsTheCounterWithItsStart() {
        WriteCounterHeader counter = new WriteCounterHeader();
        counter.accept("PUT", 201, headers("X-Etcd-Index", "4"));
        counter.accept("GET", 200, headers("X-Etcd-Index", "4"));
        counter.accept("PUT", 412, headers("X-Etcd-Index", "4"));
        counter.accept("POST", 201, headers("X-Etcd-Index", "5"));
        counter.accept("GET", 404, headers("X-Etcd-Index", "5"));
        counter.accept("DELETE", 200, headers("X-Etcd-Index", "6"));

        WriteCounterHeader.Found found = counter.result().orElseThrow();

        assertEquals("X-Etcd-Index", found.header());
        assertEquals(3, found.start());
        assertEquals(3, found.writes());
    }

    @Test
    void givenAHeaderThatCountsRequestsNotWrites_whenRead_thenThereIsNoCounter() {
        WriteCounterHeader counter = new WriteCounterHeader();
        counter.accept("POST", 201, headers("X-Request-Number", "1"));
        counter.accept("GET", 200, headers("X-Request-Number", "2"));
        counter.accept("POST", 201, headers("X-Request-Number", "3"));
        counter.accept("POST", 201, headers("X-Request-Number", "4"));

        assertTrue(counter.result().isEmpty());
    }

    @Test
    void givenAConstantNumber_whenWritesHappen_thenItIsNoCounter() {
        WriteCounterHeader counter = new WriteCounterHeader();
        counter.accept("POST", 201, headers("X-Api-Version", "2"));
        counter.accept("POST", 201, headers("X-Api-Version", "2"));
        counter.accept("POST", 201, headers("X-Api-Version", "2"));

        assertTrue(counter.result().isEmpty());
    }

    @Test
    void givenOnlyReads_whenRead_thenNothingIsBelievedCounted() {
        WriteCounterHeader counter = new WriteCounterHeader();
        counter.accept("GET", 200, headers("X-Etcd-Index", "7"));
        counter.accept("GET", 200, headers("X-Etcd-Index", "7"));

        assertTrue(counter.result().isEmpty());
    }

    private static List<Header> headers(String name, String value) {
        return List.of(new Header(name, value), new Header("Content-Length", "42"));
    }
}
