package dev.twin.inference.operation;

import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedResponse;
import dev.twin.replayer.config.EtagScheme;
import dev.twin.replayer.config.JsonFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recorded answers' bytes tell the JSON layout and the ETag digest; too little or mixed evidence tells nothing. */
class AnswerLayoutTest {

    @Test
    void givenExpressAnswers_thenTheLayoutIsTwoSpacesAndTheEtagExpresssWeakSha1() {
        AnswerLayout layout = new AnswerLayout();
        // bytes and tags as json-server 0.17.4 sent them
        layout.accept(json("[\n  {\n    \"id\": 1,\n    \"title\": \"a\",\n    \"views\": 3\n  }\n]",
                "W/\"39-2damULQIW9SNmYgCgLGiYd8rxfE\""));
        layout.accept(json("{\n  \"id\": 1,\n  \"title\": \"a\",\n  \"views\": 3\n}",
                EtagScheme.WEAK_SHA1.tagOf("{\n  \"id\": 1,\n  \"title\": \"a\",\n  \"views\": 3\n}".getBytes())));

        AnswerLayout.Result result = layout.result();

        assertEquals(new JsonFormat(2, false, false), result.layout());
        assertEquals(EtagScheme.WEAK_SHA1, result.etag());
        assertEquals(2, result.evidence().size(), result.evidence().toString());
    }

    @Test
    void givenCompactBodiesWithANewlineAndSomeRevisionTags_thenTheDigestOfTheMajorityIsTaken() {
        AnswerLayout layout = new AnswerLayout();
        layout.accept(json("{\"ok\":true}\n", "W/\"c-VLXRRAekkFmKMu/vkpIczAXOwQU\""));
        layout.accept(json("{\"ok\":true,\"id\":\"b\"}\n", EtagScheme.WEAK_SHA1.tagOf("{\"ok\":true,\"id\":\"b\"}\n"
                .getBytes())));
        layout.accept(json("{\"_id\":\"d\",\"_rev\":\"1-abc\"}\n", "\"1-abc\""));

        AnswerLayout.Result result = layout.result();

        assertEquals(new JsonFormat(0, false, true), result.layout());
        assertEquals(EtagScheme.WEAK_SHA1, result.etag());
        assertTrue(result.evidence().get(1).contains("2 of 3"), result.evidence().toString());
    }

    @Test
    void givenOneTaggedAnswer_thenNoSchemeIsTakenFromACoincidence() {
        AnswerLayout layout = new AnswerLayout();
        layout.accept(json("{\"a\":1}", EtagScheme.MD5.tagOf("{\"a\":1}".getBytes())));

        AnswerLayout.Result result = layout.result();

        assertEquals(EtagScheme.NONE, result.etag());
        assertEquals(JsonFormat.COMPACT, result.layout());
    }

    @Test
    void givenSuccessesTaggedByOneSchemeAndErrorsByAnother_thenErrorsHaveTheirOwn() {
        AnswerLayout layout = new AnswerLayout();
        // as verdaccio: MD5 on what it tags itself, Express's weak SHA-1 on its errors
        for (String body : List.of("{\"name\":\"a\"}", "{\"name\":\"b\"}")) {
            layout.accept(json(body, EtagScheme.MD5.tagOf(body.getBytes())));
        }
        for (String body : List.of("{\"error\":\"no such package\"}", "{\"error\":\"already present\"}")) {
            layout.accept(new RecordedResponse(404, List.of(new Header("Content-Type", "application/json"),
                    new Header("ETag", EtagScheme.WEAK_SHA1.tagOf(body.getBytes()))), Body.of(body)));
        }

        AnswerLayout.Result result = layout.result();

        assertEquals(EtagScheme.MD5, result.etag());
        assertEquals(EtagScheme.WEAK_SHA1, result.errorEtag());
    }

    private static RecordedResponse json(String body, String etag) {
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "application/json")));
        if (etag != null) {
            headers.add(new Header("ETag", etag));
        }
        return new RecordedResponse(200, headers, Body.of(body));
    }

    @Test
    void givenAnswersWhoseEveryObjectIsSortedByName_thenMembersAreSorted() {
        AnswerLayout layout = new AnswerLayout();
        // as RabbitMQ's management API writes them
        layout.accept(json("{\"arguments\":{},\"auto_delete\":false,\"durable\":true,\"name\":\"orders\","
                + "\"type\":\"topic\",\"vhost\":\"shop\"}", null));
        layout.accept(json("[{\"description\":\"\",\"metadata\":{\"description\":\"\",\"tags\":[]},"
                + "\"name\":\"/\",\"tracing\":false}]", null));

        AnswerLayout.Result result = layout.result();

        assertEquals(new JsonFormat(0, false, false, true), result.layout());
        assertTrue(result.evidence().get(0).contains("sorted by name"), result.evidence().toString());
    }

    @Test
    void givenAFewSortedPairsOrOneObjectOutOfOrder_thenMembersKeepTheirOrder() {
        AnswerLayout few = new AnswerLayout();
        few.accept(json("{\"id\":1,\"title\":\"a\"}", null));
        few.accept(json("{\"id\":2,\"title\":\"b\"}", null)); // the same list again: one pair of evidence
        assertEquals(JsonFormat.COMPACT, few.result().layout());

        AnswerLayout mixed = new AnswerLayout();
        mixed.accept(json("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}", null));
        mixed.accept(json("{\"name\":\"x\",\"id\":1}", null));
        assertEquals(JsonFormat.COMPACT, mixed.result().layout());
    }
}
