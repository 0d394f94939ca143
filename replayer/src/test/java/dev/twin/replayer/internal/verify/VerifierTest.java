package dev.twin.replayer.internal.verify;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of one small Stripe-like twin: a flow run against the first is captured as the recording, then
 * replayed against the second, which mints other ids. Form bodies, queries and paths name the first twin's ids.
 */
class VerifierTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Mini Stripe, version: '1'}
            paths:
              /v1/customers:
                get:
                  operationId: GetCustomers
                  parameters:
                    - {name: limit, in: query, schema: {type: integer}}
                    - {name: starting_after, in: query, schema: {type: string}}
                  responses:
                    '200': {description: list, content: {application/json: {schema: {type: object}}}}
                post:
                  operationId: PostCustomers
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            name: {type: string}
                            email: {type: string}
                            metadata: {type: object, additionalProperties: {type: string}}
                  responses:
                    '200': {description: created, content: {application/json: {schema: {type: object}}}}
              /v1/customers/{customer}:
                parameters:
                  - {name: customer, in: path, required: true, schema: {type: string}}
                get:
                  operationId: GetCustomersCustomer
                  responses:
                    '200': {description: one, content: {application/json: {schema: {type: object}}}}
                post:
                  operationId: PostCustomersCustomer
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            metadata: {type: object, additionalProperties: {type: string}}
                  responses:
                    '200': {description: updated, content: {application/json: {schema: {type: object}}}}
                delete:
                  operationId: DeleteCustomersCustomer
                  responses:
                    '200': {description: deleted, content: {application/json: {schema: {type: object}}}}
            """;
    private static final String TWIN_YAML = """
            version: 1
            imports:
              - {path: api.yaml, as: stripe}
            conventions:
              timestamps: {format: unix, fields: {createdAt: created}}
              list: {style: cursor, dataField: data, extraFields: {object: list, url: "{{request.path}}"}, hideMeta: true}
              create: {status: 200}
              delete: {status: 200}
            tables:
              - name: customers
                idField: id
                idStrategy: prefix
                idPrefix: cus_
                response:
                  fields:
                    inject: {object: customer, client_secret: "{{item.id}}_secret_Zq8rT2kLm9Xw"}
                  delete:
                    body: {id: "{{item.id}}", object: customer, deleted: true}
            extend:
              - {mock: stripe.GetCustomers, table: customers, action: list}
              - {mock: stripe.PostCustomers, table: customers, action: create}
              - {mock: stripe.GetCustomersCustomer, table: customers, action: get}
              - {mock: stripe.PostCustomersCustomer, table: customers, action: patch}
              - {mock: stripe.DeleteCustomersCustomer, table: customers, action: delete}
            """;
    private static final String KEY = "Bearer redacted:sha256:0123456789ab";

    @TempDir
    static Path dir;
    static StartedTwins twins;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void writeTwin() throws Exception {
        twins = StartedTwins.of(dir, SPEC, TWIN_YAML);
    }

    @AfterAll
    static void stop() {
        twins.close();
    }

    @Test
    void givenARecordingOfAnIdenticalTwin_whenReplayed_thenEveryMintedIdIsMappedAndOnlyTheUnknownPathDiverges()
            throws Exception {
        List<Exchange> recording = recordFlow(start());
        String firstId = JsonBodies.id(recording.get(0));

        SessionResult result = new Verifier(URI.create(start())).replay("checkout", recording.stream());

        assertEquals(1, result.skipped());
        assertEquals(9, result.compared().size());
        List<String> divergences = result.compared().stream()
                .flatMap(r -> r.divergences().stream().map(d -> r.title() + ": " + d.describe())).toList();
        assertEquals(List.of("#10 GET /v2/nothing: no such operation in the twin"), divergences);
        result.compared().subList(0, 8).forEach(r -> assertEquals(1.0, r.score(), r.title()));
        assertEquals("stripe.PostCustomersCustomer", result.compared().get(3).operation());
        assertTrue(result.compared().get(3).path().contains(firstId), "recorded paths are reported as recorded");
        assertEquals(List.of("127.0.0.1:1"), List.copyOf(result.hosts()));
    }

    @Test
    void givenTheSameRecording_whenReplayedTwice_thenEachReplayStartsFromFreshState() throws Exception {
        List<Exchange> recording = recordFlow(start());
        Verifier verifier = new Verifier(URI.create(start()));

        SessionResult first = verifier.replay("one", recording.stream());
        SessionResult second = verifier.replay("two", recording.stream());

        assertEquals(first.compared().stream().map(ExchangeResult::score).toList(),
                second.compared().stream().map(ExchangeResult::score).toList());
        assertEquals(List.of(Divergence.Kind.NO_SUCH_OPERATION), second.compared().stream()
                .flatMap(r -> r.divergences().stream()).map(Divergence::kind).toList());
    }

    /** Starts one more twin over fresh tables; returns its base URL. */
    private static String start() throws Exception {
        return twins.start();
    }

    /** The scripted flow against the twin playing the real API, captured as the recording of one session. */
    private static List<Exchange> recordFlow(String real) throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        Exchange jenny = call(exchanges, real, "POST", "/v1/customers", null, "name=Jenny&email=jenny%40example.com");
        String first = JsonBodies.id(jenny);
        Exchange max = call(exchanges, real, "POST", "/v1/customers", null, "name=Max");
        String second = JsonBodies.id(max);
        call(exchanges, real, "GET", "/v1/customers/" + first, null, null);
        call(exchanges, real, "POST", "/v1/customers/" + first, null, "metadata[friend]=" + second);
        call(exchanges, real, "GET", "/v1/customers", "limit=1&starting_after=" + second, null);
        call(exchanges, real, "DELETE", "/v1/customers/" + second, null, null);
        exchanges.add(failed(exchanges.size() + 1));
        call(exchanges, real, "GET", "/v1/customers/" + second, null, null);
        call(exchanges, real, "GET", "/v1/customers", null, null);
        call(exchanges, real, "GET", "/v2/nothing", null, null);
        return exchanges;
    }

    private static Exchange call(List<Exchange> exchanges, String base, String method, String path, String query,
                                 String form) throws IOException, InterruptedException {
        List<Header> headers = new ArrayList<>(List.of(new Header("Authorization", KEY)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query)
                .replace("[", "%5B").replace("]", "%5D"))).header("Authorization", KEY);
        if (form != null) {
            headers.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<byte[]> response = http.send(request.method(method, form == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<Header> responseHeaders = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> responseHeaders.add(new Header(name, v))));
        Exchange exchange = new Exchange(exchanges.size() + 1, "checkout", Instant.now(), 1, "127.0.0.1:5000",
                new RecordedRequest(method, "http", "127.0.0.1", 1, path, query, headers,
                        form == null ? Body.EMPTY : Body.of(form)),
                new RecordedResponse(response.statusCode(), responseHeaders, Body.of(response.body())), null, false);
        exchanges.add(exchange);
        return exchange;
    }

    private static Exchange failed(long id) {
        return new Exchange(id, "checkout", Instant.now(), 1, "127.0.0.1:5000",
                new RecordedRequest("GET", "http", "127.0.0.1", 1, "/v1/customers", null, List.of(), Body.EMPTY),
                null, new Failure(Failure.Kind.UPSTREAM_TIMEOUT, "timed out"), false);
    }

    /** Reads the id out of a recorded JSON answer. */
    private static final class JsonBodies {
        static String id(Exchange exchange) throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(exchange.response().body().bytes())
                    .path("id").asText();
        }
    }
}
