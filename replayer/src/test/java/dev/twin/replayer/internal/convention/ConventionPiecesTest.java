package dev.twin.replayer.internal.convention;

import dev.twin.replayer.config.ListStyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.StateException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response conventions without a server: shaping, paging, filtering, error bodies and timestamps. */
class ConventionPiecesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    private static TwinRequest get(String path, Map<String, List<String>> query) {
        return new TwinRequest("GET", path, null, query, Map.of(), null, "127.0.0.1");
    }

    private static List<ObjectNode> rows(int count) {
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            rows.add(JSON.createObjectNode().put("id", "r" + i));
        }
        return rows;
    }

    @Test
    void shaperPutsIdFirstInjectsDefaultsRenamesHidesAndAddsTimestamps() throws Exception {
        RowShaper shaper = new RowShaper("id", TimestampFormat.UNIX, Map.of("createdAt", "created"),
                json("{\"object\":\"customer\",\"metadata\":{},\"uri\":\"/c/{{item.id}}\"}"),
                Set.of("secret", "updatedAt"), Map.of("owner", "holder"));

        ObjectNode shaped = shaper.shape(json("{\"id\":\"c1\",\"owner\":\"Ada\",\"secret\":\"x\",\"metadata\":{\"a\":\"1\"}}"),
                1_700_000_000_999L, 1_700_000_100_000L);

        assertEquals(json("{\"id\":\"c1\",\"object\":\"customer\",\"metadata\":{\"a\":\"1\"},\"uri\":\"/c/c1\","
                + "\"holder\":\"Ada\",\"created\":1700000000}").toString(), shaped.toString());
        assertEquals("id", shaped.fieldNames().next());
    }

    @Test
    void timestampFormatsMatchTheProviders() {
        long millis = 1_705_311_000_000L;
        assertEquals(1_705_311_000L, TimestampFormat.UNIX.format(millis).asLong());
        assertEquals("2024-01-15T09:30:00Z", TimestampFormat.ISO8601.format(millis).asText());
        assertEquals("Mon, 15 Jan 2024 09:30:00 +0000", TimestampFormat.RFC2822.format(millis).asText());
    }

    @Test
    void givenUrlAndACountPathConfigured_whenACursorPageIsAnswered_thenBothAreInTheEnvelope() throws Exception {
        ListEnvelope envelope = new ListEnvelope("data",
                JsonTemplate.compile(json("{\"object\":\"list\",\"url\":\"{{request.path}}\"}")), "total_count");
        CursorPagination paging = new CursorPagination(envelope, 2, 100,
                new NotFoundMessages("customer", null), CursorPagination.Names.STRIPE);

        JsonNode page = paging.page(ListItems.of(rows(3), "id"), get("/v1/customers", Map.of())).body();

        assertEquals("/v1/customers", page.get("url").asText());
        assertEquals(3, page.get("total_count").asInt());
        assertEquals(2, page.get("data").size());
    }

    @Test
    void givenAnUnpagedListWithANestedCount_whenAnswered_thenEveryRowAndTheCountAndNoPagingFields() {
        UnpagedList list = new UnpagedList(new ListEnvelope("mappings", null, "meta.total"));

        JsonNode body = list.page(ListItems.of(rows(12), "id"),
                get("/__admin/mappings", Map.of("limit", List.of("2")))).body();

        assertEquals(12, body.get("mappings").size(), "limit is not a paging parameter here: " + body);
        assertEquals(12, body.path("meta").path("total").asInt(), body.toString());
        assertEquals(List.of("mappings", "meta"), iterable(body.fieldNames()));
        assertEquals(Set.of(), list.pagingParameters());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void cursorPagingHonoursLimitStartingAfterAndEndingBefore() {
        CursorPagination paging = new CursorPagination(new ListEnvelope("data", null), 10, 100,
                new NotFoundMessages("customer", null), CursorPagination.Names.STRIPE);
        List<ObjectNode> rows = rows(5);

        JsonNode first = paging.page(ListItems.of(rows, "id"),
                get("/v1/customers", Map.of("limit", List.of("2")))).body();
        JsonNode after = paging.page(ListItems.of(rows, "id"), get("/v1/customers", Map.of("limit", List.of("2"),
                "starting_after", List.of("r4")))).body();
        JsonNode before = paging.page(ListItems.of(rows, "id"), get("/v1/customers", Map.of("limit", List.of("2"),
                "ending_before", List.of("r2")))).body();

        assertEquals("[{\"id\":\"r5\"},{\"id\":\"r4\"}]", first.get("data").toString());
        assertTrue(first.get("has_more").asBoolean());
        assertFalse(first.has("url"), "url is an extra field only when configured: " + first);
        assertEquals("[{\"id\":\"r3\"},{\"id\":\"r2\"}]", after.get("data").toString());
        assertEquals("[{\"id\":\"r4\"},{\"id\":\"r3\"}]", before.get("data").toString());
        assertTrue(before.get("has_more").asBoolean());
    }

    @Test
    void cursorPagingRejectsALimitAboveTheMaximumNamingTheParam() {
        CursorPagination paging = new CursorPagination(new ListEnvelope("data", null), 10, 100,
                new NotFoundMessages("customer", null), CursorPagination.Names.STRIPE);

        StateException e = assertThrows(StateException.class,
                () -> paging.page(ListItems.of(rows(1), "id"),
                        get("/v1/customers", Map.of("limit", List.of("101")))).body());

        assertEquals(new TwinError(ErrorKind.VALIDATION_ERROR, "This value must be less than or equal to 100.",
                "limit"), e.error());
    }

    @Test
    void unknownStartingAfterIdIsNotFound() {
        CursorPagination paging = new CursorPagination(new ListEnvelope("data", null), 10, 100,
                new NotFoundMessages("customer", null), CursorPagination.Names.STRIPE);

        StateException e = assertThrows(StateException.class, () -> paging.page(ListItems.of(rows(1), "id"),
                get("/v1/customers", Map.of("starting_after", List.of("cus_nope")))).body());

        assertEquals(new TwinError(ErrorKind.NOT_FOUND, "No such customer: 'cus_nope'", "starting_after"), e.error());
    }

    @Test
    void pagePagingBuildsTwiliosEnvelope() {
        PagePagination paging = new PagePagination(new ListEnvelope("messages", null), "sid", 50, 1000, "Page",
                "PageSize", ListStyle.DEFAULTS.pageFields());
        String path = "/2010-04-01/Accounts/AC1/Messages.json";

        JsonNode first = paging.page(ListItems.of(rows(3), "id"), get(path, Map.of("PageSize", List.of("2")))).body();
        JsonNode last = paging.page(ListItems.of(rows(3), "id"),
                get(path, Map.of("PageSize", List.of("2"), "Page", List.of("1")))).body();

        assertEquals(2, first.get("messages").size());
        assertEquals(path + "?PageSize=2&Page=0", first.get("uri").asText());
        assertEquals(path + "?PageSize=2&Page=0", first.get("first_page_uri").asText());
        assertTrue(first.get("previous_page_uri").isNull());
        assertEquals(path + "?PageSize=2&Page=1&PageToken=PA", first.get("next_page_uri").asText());
        assertEquals(0, first.get("start").asInt());
        assertEquals(1, first.get("end").asInt());
        assertEquals(1, last.get("messages").size());
        assertTrue(last.get("next_page_uri").isNull());
        assertEquals(2, last.get("start").asInt());
    }

    @Test
    void filterMatchesTopLevelFieldsIgnoringCaseAndUnderscoresAndSkipsUnknownParams() throws Exception {
        List<ObjectNode> rows = List.of(json("{\"id\":\"1\",\"date_sent\":\"x\",\"to\":\"+1\"}"),
                json("{\"id\":\"2\",\"date_sent\":\"y\",\"to\":\"+2\"}"));

        assertEquals(List.of(rows.get(1)), RowFilter.apply(rows, Map.of("To", List.of("+2"))));
        assertEquals(List.of(rows.get(0)), RowFilter.apply(rows, Map.of("DateSent", List.of("x"))));
        assertEquals(rows, RowFilter.apply(rows, Map.of("unknown", List.of("z"), "created[gte]", List.of("1"))));
    }

    @Test
    void givenNotFoundWithAnEmptyBody_whenAnswered_thenOnlyTheStatusAndOtherKindsKeepTheirBody() throws Exception {
        ErrorBodies wiremock = new ErrorBodies(null, null, null, null, null, null, Set.of(ErrorKind.NOT_FOUND));

        TwinResponse missing = wiremock.response(new TwinError(ErrorKind.NOT_FOUND, "gone", "id"));
        TwinResponse invalid = wiremock.response(new TwinError(ErrorKind.VALIDATION_ERROR, "bad", "url"));

        assertEquals(404, missing.status());
        assertEquals(0, missing.body().length);
        assertFalse(missing.headers().containsKey("Content-Type"), missing.headers().toString());
        assertEquals(400, invalid.status());
        assertEquals("bad", JSON.readTree(invalid.body()).path("message").asText());
    }

    @Test
    void errorBodiesFollowTheErrorsConvention() throws Exception {
        ErrorBodies stripe = new ErrorBodies("error", null, null, Map.of(ErrorKind.NOT_FOUND, "invalid_request_error"),
                Map.of(ErrorKind.NOT_FOUND, JSON.getNodeFactory().textNode("resource_missing")), null);
        ErrorBodies twilio = new ErrorBodies(null, Map.of("code", "code", "message", "message", "status", "status"),
                null, null, Map.of(ErrorKind.NOT_FOUND, JSON.getNodeFactory().numberNode(20404)),
                JsonTemplate.compile(json("{\"more_info\":\"https://www.twilio.com/docs/errors/{{error.code}}\"}")));
        TwinError missing = new TwinError(ErrorKind.NOT_FOUND, "gone", "customer");

        TwinResponse fromStripe = stripe.response(missing);
        TwinResponse fromTwilio = twilio.response(missing);

        assertEquals(404, fromStripe.status());
        assertEquals(json("{\"error\":{\"code\":\"resource_missing\",\"message\":\"gone\",\"param\":\"customer\","
                + "\"type\":\"invalid_request_error\"}}"), JSON.readTree(new String(fromStripe.body(), StandardCharsets.UTF_8)));
        assertEquals(json("{\"code\":20404,\"message\":\"gone\",\"status\":404,"
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20404\"}"), JSON.readTree(fromTwilio.body()));
        assertFalse(JSON.readTree(fromTwilio.body()).has("param"));
    }
}
