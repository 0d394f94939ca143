package dev.twin.replayer.internal.replay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How alike two requests are: shared name=value facts over all facts. */
class RequestShapeTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @Test
    void queryParametersInAnotherOrderAreIdentical() {
        assertEquals(shape("a=1&b=2", null, ""), shape("b=2&a=1", null, ""));
        assertEquals(1.0, shape("a=1&b=2", null, "").closeness(shape("b=2&a=1", null, "")));
    }

    @Test
    void jsonBodiesCompareFieldByFieldWhateverTheSpacingAndOrder() {
        RequestShape recorded = shape(null, JSON, "{\"name\":\"Rex\",\"owner\":{\"id\":7},\"tags\":[\"a\",\"b\"]}");
        RequestShape same = shape(null, JSON, "{ \"tags\": [\"a\", \"b\"], \"owner\": {\"id\": 7}, \"name\": \"Rex\" }");
        RequestShape otherOwner = shape(null, JSON, "{\"name\":\"Rex\",\"owner\":{\"id\":8},\"tags\":[\"a\",\"b\"]}");

        assertEquals(recorded, same);
        assertEquals(0.6, recorded.closeness(otherOwner), 1e-9, "3 of 5 facts shared: name, tags[0], tags[1]");
    }

    @Test
    void formBodiesCompareByPair() {
        RequestShape recorded = shape(null, FORM, "amount=100&currency=usd&metadata[order]=1");
        RequestShape other = shape(null, FORM, "amount=100&currency=eur&metadata[order]=1");

        assertEquals(0.5, recorded.closeness(other), 1e-9, "2 shared of 4 distinct facts");
    }

    @Test
    void anyOtherBodyIsOneFactComparedWhole() {
        RequestShape text = shape(null, "text/plain", "hello");

        assertEquals(1.0, text.closeness(shape(null, "text/plain", "hello")));
        assertEquals(0.0, text.closeness(shape(null, "text/plain", "hello!")));
    }

    @Test
    void pathParametersCount() {
        RequestShape one = RequestShape.of(null, Map.of("petId", "1"), null, new byte[0]);
        RequestShape two = RequestShape.of(null, Map.of("petId", "2"), null, new byte[0]);

        assertNotEquals(one, two);
        assertEquals(0.0, one.closeness(two));
    }

    @Test
    void twoBareRequestsAreIdenticalAndAnIdenticalRequestIsAlwaysClosest() {
        assertEquals(1.0, shape(null, null, "").closeness(shape(null, null, "")));
        RequestShape incoming = shape("limit=5", null, "");
        assertTrue(shape("limit=5", null, "").closeness(incoming) > shape("limit=5&x=1", null, "").closeness(incoming));
    }

    private static RequestShape shape(String query, String contentType, String body) {
        return RequestShape.of(query, Map.of(), contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
