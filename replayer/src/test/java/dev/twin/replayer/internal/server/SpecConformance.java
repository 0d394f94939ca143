package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.generate.BodyGenerator;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.testing.OpenApiSchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Calls one operation of a served spec with a valid request built from the spec (path parameters, required query
 * and header parameters and body generated from their schemas, Basic credentials) and checks the answer against
 * the documented response. The oracle is independent of the server's own spec loading: swagger-parser's full
 * model of the same file, and networknt JSON-Schema validation of the body.
 */
final class SpecConformance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI parsed;
    private final OpenApiSchemaValidator oracle;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    SpecConformance(Path spec, String baseUrl, String user, String password) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.parsed = new OpenAPIV3Parser().read(spec.toString(), null, options);
        this.oracle = OpenApiSchemaValidator.of(parsed);
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What calling one operation showed. */
    record Outcome(String operation, boolean documentedStatus, String source, List<String> problems) {
        boolean conforms() {
            return documentedStatus && problems.isEmpty();
        }
    }

    /**
     * Calls the operation; {@code lastSource} tells which source answered (from the server's journal), because a
     * provider's own example is sent as written even where it breaks its schema.
     */
    Outcome check(ApiOperation operation, java.util.function.Supplier<String> lastSource) throws Exception {
        Outcome outcome = check(operation, lastSource, operation.id().hashCode());
        // A generated body may hold an empty array where an item is required, which a form cannot express:
        // try a few other seeds before calling the request invalid.
        for (int attempt = 1; attempt < 5 && !outcome.documentedStatus()
                && outcome.problems().get(0).contains("\"location\":\"body\""); attempt++) {
            outcome = check(operation, lastSource, operation.id().hashCode() + attempt * 7919L);
        }
        return outcome;
    }

    private Outcome check(ApiOperation operation, java.util.function.Supplier<String> lastSource, long firstSeed)
            throws Exception {
        Operation documented = documented(operation);
        BodyGenerator values = new BodyGenerator(operation.components());
        String path = operation.pathTemplate();
        long seed = firstSeed;
        List<String> query = new ArrayList<>();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
        for (Parameter parameter : operation.operation().getParameters() == null ? List.<Parameter>of()
                : operation.operation().getParameters()) {
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            JsonNode value = parameter.getSchema() == null ? JSON.getNodeFactory().textNode("x")
                    : values.generate(parameter.getSchema(), seed++);
            switch (parameter.getIn()) {
                case "path" -> path = path.replace("{" + parameter.getName() + "}",
                        URLEncoder.encode(value.asText(), StandardCharsets.UTF_8).replace("+", "%20"));
                case "query" -> {
                    if (required) {
                        FormEncoding.add(query, parameter.getName(), value);
                    }
                }
                case "header" -> {
                    if (required) {
                        request.header(parameter.getName(), value.asText());
                    }
                }
                default -> {
                }
            }
        }
        String body = null;
        String contentType = null;
        var requestBody = operation.operation().getRequestBody();
        if (requestBody != null && requestBody.getContent() != null && !requestBody.getContent().isEmpty()) {
            var media = requestBody.getContent().entrySet().iterator().next();
            contentType = media.getKey();
            JsonNode generated = media.getValue().getSchema() == null ? JSON.createObjectNode()
                    : values.generate(media.getValue().getSchema(), seed);
            if (!contentType.contains("json")) {
                new EmptyArrayFiller(operation.components(), values, seed).fill(generated,
                        media.getValue().getSchema());
            }
            if (Boolean.TRUE.equals(requestBody.getRequired()) || generated.size() > 0) {
                body = contentType.contains("json") ? JSON.writeValueAsString(generated)
                        : FormEncoding.encode(generated);
            }
        }
        String uri = baseUrl + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        request.uri(URI.create(uri));
        if (body != null && contentType.startsWith("multipart/form-data")) {
            // the same fields, each its own part, as a browser or an SDK writes a multipart form
            String boundary = "twin-conformance-" + Long.toHexString(firstSeed);
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(multipart(body, boundary)));
        } else if (body != null) {
            request.header("Content-Type", contentType)
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String code = documentedCode(documented);
        int expectedStatus = code.equals("default") ? 200 : Integer.parseInt(code);
        if (response.statusCode() != expectedStatus) {
            return new Outcome(operation.id(), false, lastSource.get(), List.of(operation.id() + ": status "
                    + response.statusCode() + ", documented " + expectedStatus + ": " + abbreviate(response.body())
                    + " (request: " + operation.method() + " " + uri + (body == null ? "" : " " + abbreviate(body))
                    + ")"));
        }
        return new Outcome(operation.id(), true, lastSource.get(), verify(operation, documented, code, response));
    }

    private List<String> verify(ApiOperation operation, Operation documented, String code,
                                HttpResponse<String> response) throws Exception {
        List<String> problems = new ArrayList<>();
        ApiResponse documentedResponse = documented.getResponses().get(code);
        if (documentedResponse.getContent() == null || documentedResponse.getContent().isEmpty()) {
            if (!response.body().isEmpty()) {
                problems.add(operation.id() + ": documented without a body, answered " + abbreviate(response.body()));
            }
            return problems;
        }
        MediaType media = documentedResponse.getContent().get("application/json");
        if (media == null || media.getSchema() == null) {
            return problems;
        }
        List<String> invalid = oracle.validate(media.getSchema(), JSON.readTree(response.body()));
        invalid.forEach(p -> problems.add(operation.id() + ": " + p));
        return problems;
    }

    private Operation documented(ApiOperation operation) {
        String template = operation.pathTemplate();
        String basePath = parsed.getServers() == null || parsed.getServers().isEmpty() ? ""
                : URI.create(parsed.getServers().get(0).getUrl()).getPath().replaceAll("/$", "");
        PathItem item = parsed.getPaths().get(template.substring(basePath.length()));
        if (item == null) {
            throw new AssertionError("swagger-parser has no path " + template);
        }
        Operation found = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.method()));
        if (found == null) {
            throw new AssertionError("swagger-parser has no " + operation.method() + " " + template);
        }
        return found;
    }

    /** The lowest 2xx, else default, else the lowest documented. */
    static String documentedCode(Operation operation) {
        var codes = operation.getResponses().keySet();
        return codes.stream().filter(c -> c.matches("2\\d\\d")).sorted().findFirst()
                .or(() -> codes.stream().filter(c -> c.equals("default")).findFirst())
                .or(() -> codes.stream().sorted().findFirst()).orElseThrow();
    }

    /** A form-encoded body's pairs as the parts of a multipart body. */
    private static String multipart(String formEncoded, String boundary) {
        StringBuilder out = new StringBuilder();
        for (String pair : formEncoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
                    StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                    StandardCharsets.UTF_8);
            out.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                    .append("\"\r\n\r\n").append(value).append("\r\n");
        }
        return out.append("--").append(boundary).append("--\r\n").toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

}
