package dev.twin.inference.operation;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which recorded exchanges a twin keeps to replay: those of operations nothing else answers, bounded. */
class UnboundExchangesTest {

    @Test
    void givenBoundAndUnboundOperations_whenOffered_thenOnlyTheUnboundAreKeptInRecordedOrder() {
        UnboundExchanges unbound = new UnboundExchanges(Set.of("POST /posts"));
        unbound.offer("GET /search", exchange(2, "/search", 10));
        unbound.offer("POST /posts", exchange(1, "/posts", 10));
        unbound.offer("GET /health", exchange(3, "/health", 10));

        List<Exchange> kept = unbound.without(List.of());

        assertEquals(List.of(2L, 3L), kept.stream().map(Exchange::id).toList());
    }

    @Test
    void givenAnOperationThatBecameACustomOperation_whenListed_thenItsExchangesAreLeftOut() {
        UnboundExchanges unbound = new UnboundExchanges(Set.of());
        unbound.offer("POST /intents/{intent}/confirm", exchange(1, "/intents/pi_1/confirm", 10));
        unbound.offer("GET /search", exchange(2, "/search", 10));

        assertEquals(List.of(2L), unbound.without(List.of("POST /intents/{intent}/confirm")).stream()
                .map(Exchange::id).toList());
    }

    @Test
    void givenManyOrLargeExchanges_whenOffered_thenEachOperationKeepsItsFirstAndLargeBodiesAreLeftToTheSpec() {
        UnboundExchanges unbound = new UnboundExchanges(Set.of());
        for (int i = 0; i < UnboundExchanges.PER_OPERATION + 10; i++) {
            unbound.offer("GET /search", exchange(i, "/search", 10));
        }
        unbound.offer("GET /blob", exchange(1000, "/blob", (int) UnboundExchanges.MAX_EXCHANGE_BYTES + 1));

        assertEquals(UnboundExchanges.PER_OPERATION, unbound.without(List.of()).size());
        assertEquals(1, unbound.tooLarge());
    }

    private static Exchange exchange(long id, String path, int responseBytes) {
        return new Exchange(id, "main", Instant.ofEpochSecond(1_700_000_000L + id), 1000, "127.0.0.1:1",
                new RecordedRequest("GET", "http", "127.0.0.1", 80, path, null, List.of(), Body.EMPTY),
                new RecordedResponse(200, List.of(), Body.of(new byte[responseBytes])), null, false);
    }
}
