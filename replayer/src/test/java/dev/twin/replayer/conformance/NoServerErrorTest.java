package dev.twin.replayer.conformance;

import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Never a 5xx for a request a spec simply does not describe: every operation of every spec in the project (Stripe's
 * 468, Twilio's 197, the petstores, WireMock's admin API, the conformance and stateful: auto specs), served as
 * {@code twin serve --spec} and with {@code --stateful}, is sent what clients get wrong: no body, bodies that are
 * not what they claim (JSON, form, multipart, XML), an {@code Accept} nothing offers, a {@code Prefer} code nothing
 * documents, junk query parameters. The only 5xx allowed is what the operation itself documents (none of these
 * requests asks for one) and the 501 that names a spec problem.
 */
class NoServerErrorTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    /** One way a client gets a request wrong. */
    private record Variant(String name, String query, String contentType, byte[] body, Map<String, String> headers) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("bare", "", null, null, Map.of()),
            new Variant("broken JSON", "", "application/json", bytes("{\"name\": [1, {"), Map.of()),
            new Variant("JSON of another shape", "", "application/json", bytes("[1, \"two\", {\"a\": null}]"),
                    Map.of()),
            new Variant("deep form", "", "application/x-www-form-urlencoded",
                    bytes("metadata[a][b][c]=1&amount=lots&expand[]=x&=&%zz=1"), Map.of()),
            new Variant("broken multipart", "", "multipart/form-data; boundary=zz", bytes("--zz\r\nnope"), Map.of()),
            new Variant("XML", "", "application/xml", bytes("<thing a=\"1\"><b>2</b><b>3</b></thing>"), Map.of()),
            new Variant("octets", "", "application/octet-stream", new byte[] {0, 1, 2, (byte) 0xFF}, Map.of()),
            new Variant("unacceptable", "", null, null, Map.of("Accept", "image/png")),
            new Variant("undocumented code", "", null, null, Map.of("Prefer", "code=418, example=nothing")),
            new Variant("junk query", "?limit=abc&starting_after=&expand[]=x&page[size]=-1&Page=x&offset=%20", null,
                    null, Map.of()));

    static Stream<Arguments> specs() {
        List<Arguments> specs = new ArrayList<>();
        for (boolean stateful : new boolean[] {false, true}) {
            specs.add(Arguments.of(Path.of("..", "examples", "stripe", "spec3.json"), stateful));
            specs.add(Arguments.of(Path.of("..", "examples", "twilio", "twilio_api_v2010.json"), stateful));
            specs.add(Arguments.of(Path.of("..", "examples", "petstore", "petstore.yaml"), stateful));
            specs.add(Arguments.of(RESOURCES.resolve("stateful-auto/petstore-expanded.yaml"), stateful));
            specs.add(Arguments.of(Path.of("..", "inference", "src", "test", "resources", "wiremock",
                    "wiremock-admin-3.13.2.openapi.json"), stateful));
            for (String small : List.of("conformance/errors-openapi30.yaml", "conformance/errors-openapi31.yaml",
                    "conformance/errors-swagger20.yaml", "conformance/routing-openapi30.yaml",
                    "conformance/parameters-openapi31.yaml", "conformance/negotiation-openapi30.yaml",
                    "conformance/examples-openapi31.yaml", "conformance/bodies-openapi30.yaml",
                    "conformance/bodies-swagger20.yaml", "conformance/no-responses-openapi31.yaml",
                    "stateful-auto/things-3.0.yaml", "stateful-auto/things-3.1.json",
                    "stateful-auto/things-2.0.yaml", "stateful-auto/uploads-3.0.yaml")) {
                specs.add(Arguments.of(RESOURCES.resolve(small), stateful));
            }
        }
        return specs.stream();
    }

    @ParameterizedTest(name = "{0} stateful={1}")
    @MethodSource("specs")
    void givenEveryOperation_whenSentWhatClientsGetWrong_thenNothingAnswersWithAServerError(Path spec,
                                                                                           boolean stateful)
            throws Exception {
        List<ApiOperation> operations = SpecLoader.load(spec, "sweep").operations();
        Twin.Builder builder = Twin.builder().specs(spec).port(0);
        if (stateful) {
            builder.statefulAuto();
        }
        List<String> failures = new ArrayList<>();
        try (Twin twin = builder.start()) {
            for (ApiOperation operation : operations) {
                String path = operation.pathTemplate().replaceAll("\\{[^}]+}", "x1");
                for (Variant variant : VARIANTS) {
                    HttpResponse<String> response = send(twin.baseUrl(), operation.method(), path, variant);
                    if (response.statusCode() >= 500 && response.statusCode() != 501) {
                        failures.add(operation.method() + " " + path + " (" + variant.name() + "): "
                                + response.statusCode() + " " + abbreviated(response.body()));
                    }
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " server errors");
    }

    private static HttpResponse<String> send(String base, String method, String path, Variant variant)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + variant.query()))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer sk_test_sweep")
                .method(method, variant.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(variant.body()));
        if (variant.contentType() != null) {
            request.header("Content-Type", variant.contentType());
        }
        variant.headers().forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
