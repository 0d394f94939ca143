package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.internal.spec.ApiOperation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --stateful} on the other specs in this repository (the classic petstore, WireMock's admin API, the
 * inference tests' shops in OpenAPI 3.0 and Swagger 2.0): every create, read and list of every recognised resource
 * answers, and none with a 5xx.
 */
class OtherSpecsTest {

    @ParameterizedTest
    @ValueSource(strings = {"../replayer/src/test/resources/stateful-auto/petstore-expanded.yaml",
            "../examples/petstore/petstore.yaml",
            "../inference/src/test/resources/wiremock/wiremock-admin-3.13.2.openapi.json",
            "../inference/src/test/resources/diff/shop-v1.yaml",
            "../inference/src/test/resources/diff/shop-v1-swagger2.yaml",
            "../inference/src/test/resources/specs/customers-official.yaml"})
    void everyRecognisedResourceAnswersItsCreateReadAndListWithoutA5xx(String spec) throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(Path.of(spec))) {
            List<String> failures = new ArrayList<>();
            for (ResourceTable resource : twin.resources()) {
                walk(twin, resource, failures);
            }
            assertEquals(List.of(), failures);
        }
    }

    private static void walk(AutoTwin twin, ResourceTable resource, List<String> failures) throws Exception {
        String collection = resource.resource().collectionPath();
        for (String parent : resource.resource().parentParams()) {
            collection = collection.replace("{" + parent + "}", "p1");
        }
        String id = null;
        var create = resource.resource().operation(Binding.Action.CREATE);
        if (create.isPresent()) {
            AutoTwin.Reply created = post(twin, collection, create.get());
            check(failures, "POST " + collection, created);
            JsonNode idValue = created.body() == null ? null : created.body().get(
                    twin.config().table(resource.table()).orElseThrow().idField());
            id = idValue == null ? null : idValue.asText();
        }
        if (id != null && resource.resource().operation(Binding.Action.GET).isPresent()) {
            String item = resource.resource().itemPath().replace(resource.resource().collectionPath(), collection)
                    .replace("{" + resource.resource().idParam() + "}", URLEncoder.encode(id, StandardCharsets.UTF_8));
            check(failures, "GET " + item, twin.get(item, "k"));
        }
        if (resource.resource().operation(Binding.Action.LIST).isPresent()) {
            check(failures, "GET " + collection, twin.get(collection, "k"));
        }
    }

    private static AutoTwin.Reply post(AutoTwin twin, String path, ApiOperation create) throws Exception {
        SampleParams samples = new SampleParams(new SchemaLookup(create.components()));
        Map<String, Object> body = samples.required(OperationBodies.requestSchema(create));
        var content = create.operation().getRequestBody() == null ? null
                : create.operation().getRequestBody().getContent();
        if (content != null && content.keySet().stream().noneMatch(type -> type.contains("json"))) {
            StringBuilder form = new StringBuilder();
            body.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
            return twin.postForm(path, "k", form.toString());
        }
        return twin.sendJson("POST", path, "k", AutoTwin.JSON.writeValueAsString(body));
    }

    private static void check(List<String> failures, String request, AutoTwin.Reply reply) {
        if (reply.status() >= 500) {
            failures.add(request + " answered " + reply.status() + ": " + reply.raw().body());
        }
    }

    @Test
    void thePetstoresPetsAreCreatedReadListedAndDeleted() throws Exception {
        try (AutoTwin twin = AutoTwin.ofSpec(Path.of("src/test/resources/stateful-auto/petstore-expanded.yaml"))) {
            JsonNode pet = twin.sendJson("POST", "/v2/pets", "k", "{\"name\": \"Rex\", \"tag\": \"dog\"}").body();
            String path = "/v2/pets/" + pet.get("id").asLong();

            JsonNode read = twin.get(path, "k").body();
            JsonNode firstPage = twin.get("/v2/pets?limit=1", "k").body();
            int deleted = twin.delete(path, "k").status();

            assertEquals(1, pet.get("id").asLong());
            assertEquals("Rex", read.get("name").asText());
            assertEquals(1, firstPage.size());
            assertEquals(204, deleted);
            assertEquals(404, twin.get(path, "k").status());
            assertTrue(twin.get("/v2/pets", "k").body().isEmpty());
        }
    }
}
