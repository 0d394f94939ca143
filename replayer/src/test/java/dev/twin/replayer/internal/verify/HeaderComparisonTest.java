package dev.twin.replayer.internal.verify;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderComparisonTest {
    private static List<String> compare(List<Header> recorded, Map<String, List<String>> twin) {
        Facets facets = new Facets();
        new HeaderComparison(new IdMap()).compare(recorded, twin, facets);
        return facets.divergences().stream().map(Divergence::describe).toList();
    }

    @Test
    void givenTheSameMediaTypeLinkRelsAndRateLimitHeaders_whenCompared_thenNothingDiverges() {
        List<Header> recorded = List.of(new Header("Content-Type", "application/json; charset=utf-8"),
                new Header("Link", "<https://api.github.com/x?page=2>; rel=\"next\", <https://api.github.com/x?page=9>; rel=\"last\""),
                new Header("X-RateLimit-Remaining", "4999"), new Header("Date", "Mon, 23 Nov 2026 17:00:00 GMT"));
        Map<String, List<String>> twin = Map.of("content-type", List.of("application/json"),
                "link", List.of("<http://127.0.0.1:4280/x?page=9>; rel=\"last\", <http://127.0.0.1:4280/x?page=2>; rel=\"next\""),
                "x-ratelimit-remaining", List.of("12"));

        assertEquals(List.of(), compare(recorded, twin));
    }

    @Test
    void givenAnotherMediaTypeAndMissingHeaders_whenCompared_thenEachIsADivergence() {
        List<Header> recorded = List.of(new Header("Content-Type", "application/json"),
                new Header("X-Total-Count", "3"), new Header("Retry-After", "1"));
        Map<String, List<String>> twin = Map.of("content-type", List.of("text/plain"), "x-total-count", List.of("2"));

        assertEquals(List.of("header Content-Type value changed: recorded application/json, twin text/plain",
                "header X-Total-Count value changed: recorded 3, twin 2",
                "header Retry-After missing: recorded 1"), compare(recorded, twin));
    }
}
