package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final String FULL = String.join("\n",
            "version: 1",
            "imports:",
            "  - path: specs/spec3.json",
            "    as: stripe",
            "server:",
            "  host: 0.0.0.0",
            "  port: 8080",
            "  validate: off",
            "tenancy:",
            "  mode: shared",
            "  header: X-Tenant",
            "  expireAfter: 7d",
            "  maxRows: 5000",
            "  maxBytes: 8mb",
            "credentials:",
            "  reject: \"sk_live_.*\"",
            "idempotency:",
            "  header: Idem",
            "  window: 30m",
            "conventions:",
            "  timestamps:",
            "    format: unix",
            "    fields: {createdAt: created}",
            "  fields:",
            "    inject: {livemode: false}",
            "    hide: [updatedAt]",
            "    rename: {internal_name: public_name}",
            "  list:",
            "    style: cursor",
            "    dataField: data",
            "    extraFields: {object: list, url: \"{{request.path}}\"}",
            "    hideMeta: true",
            "    defaultLimit: 10",
            "    maxLimit: 100",
            "  create: {status: 200}",
            "  delete:",
            "    status: 200",
            "    preserve: false",
            "    body: {id: \"{{item.id}}\", deleted: true}",
            "  errors:",
            "    wrap: error",
            "    status: {QUOTA_EXCEEDED: 403}",
            "    typeMap: {NOT_FOUND: invalid_request_error}",
            "    codeMap: {NOT_FOUND: resource_missing}",
            "    extraFields: {doc_url: \"https://example.com/{{error.code}}\"}",
            "tables:",
            "  - name: customers",
            "    idPrefix: cus_",
            "    seedData:",
            "      - {id: cus_test, name: Test Customer}",
            "    maxRows: 50",
            "    response:",
            "      fields: {inject: {object: customer}}",
            "  - name: payment_intents",
            "    idStrategy: prefix",
            "    idPrefix: pi_",
            "    idLength: 24",
            "    idAlphabet: lowerhex",
            "    references: {customer: customers}",
            "  - name: messages",
            "    idField: sid",
            "    idPattern: \"SM[0-9a-f]{32}\"",
            "extend:",
            "  - mock: stripe.PostCustomers",
            "    table: customers",
            "    action: create",
            "  - mock: stripe.PostPaymentIntentsIntentConfirm",
            "    table: payment_intents",
            "    action: custom",
            "    operation: ConfirmPaymentIntent",
            "    idParam: intent",
            "customOperations:",
            "  - name: ConfirmPaymentIntent",
            "    steps:",
            "      - {type: read, table: payment_intents, id: \"input.intent\", as: pi}",
            "      - {type: validate, check: \"pi.status == 'requires_confirmation'\", error: {kind: VALIDATION_ERROR,",
            "         code: payment_intent_unexpected_state, message: \"'This PaymentIntent cannot be confirmed'\"}}",
            "      - {type: update, table: payment_intents, id: \"pi.id\", set: {status: \"'succeeded'\",",
            "         amount_received: \"input.amount ?? pi.amount\"}}",
            "    response: \"pi\"",
            "");

    @TempDir
    Path dir;

    @Test
    void givenEverySection_whenLoaded_thenEveryValueIsInTheModel() throws Exception {
        ConfigFiles.write(dir, "specs/spec3.json", "{}");
        Path file = ConfigFiles.write(dir, "twin.yaml", FULL);

        TwinConfig config = ConfigLoader.load(file);

        assertEquals(dir.toAbsolutePath().normalize(), config.baseDir());
        Import stripe = config.imports().get(0);
        assertEquals(dir.resolve("specs/spec3.json").toAbsolutePath().normalize(), stripe.path());
        assertEquals("stripe", stripe.as());
        assertEquals(file + ":3:11", stripe.location().toString());
        assertEquals(new ServerSettings("0.0.0.0", 8080, ValidationMode.OFF), config.server());
        assertEquals(new Tenancy(Tenancy.Mode.SHARED, "X-Tenant", Duration.ofDays(7), 5000, 8L << 20),
                config.tenancy());
        assertEquals("sk_live_.*", config.credentials().reject().pattern());
        assertEquals(new Idempotency("Idem", Duration.ofMinutes(30)), config.idempotency());

        Conventions global = config.conventions();
        assertEquals(Timestamps.Format.UNIX, global.timestamps().format());
        assertEquals(Map.of("createdAt", "created"), global.timestamps().fields());
        assertEquals("{\"livemode\":false}", global.fields().inject().toString());
        assertEquals(List.of("updatedAt"), global.fields().hide());
        assertEquals(Map.of("internal_name", "public_name"), global.fields().rename());
        assertEquals(ListStyle.Style.CURSOR, global.list().style());
        assertEquals("{\"object\":\"list\",\"url\":\"{{request.path}}\"}", global.list().extraFields().toString());
        assertTrue(global.list().hideMeta());
        assertEquals(10, global.list().defaultLimit());
        assertEquals(100, global.list().maxLimit());
        assertEquals("starting_after", global.list().startingAfterParam());
        assertEquals(200, global.create().status());
        assertEquals(200, global.delete().status());
        assertFalse(global.delete().preserve());
        assertEquals("{\"id\":\"{{item.id}}\",\"deleted\":true}", global.delete().body().toString());
        assertEquals("error", global.errors().wrap());
        assertEquals(403, global.errors().status().get(ErrorKind.QUOTA_EXCEEDED));
        assertEquals(404, global.errors().status().get(ErrorKind.NOT_FOUND), "defaults stay for unnamed kinds");
        assertEquals("invalid_request_error", global.errors().typeMap().get(ErrorKind.NOT_FOUND));
        assertEquals("conflict", global.errors().typeMap().get(ErrorKind.CONFLICT));
        assertEquals("resource_missing", global.errors().codeMap().get(ErrorKind.NOT_FOUND).textValue());
        assertEquals("https://example.com/{{error.code}}", global.errors().extraFields().get("doc_url").textValue());

        TableConfig customers = config.table("customers").orElseThrow();
        assertEquals("id", customers.idField());
        assertEquals(IdStrategy.PREFIX, customers.idStrategy());
        assertEquals("cus_", customers.idPrefix());
        assertEquals(14, customers.idLength());
        assertEquals(IdAlphabet.BASE62, customers.idAlphabet());
        assertEquals("[{\"id\":\"cus_test\",\"name\":\"Test Customer\"}]", customers.seedData().toString());
        assertEquals(50, customers.maxRows());
        assertEquals("{\"livemode\":false,\"object\":\"customer\"}", customers.response().fields().inject().toString());
        assertEquals(200, customers.response().create().status());
        assertEquals(file + ":47:5", customers.location().toString());

        TableConfig intents = config.table("payment_intents").orElseThrow();
        assertEquals(24, intents.idLength());
        assertEquals(IdAlphabet.LOWERHEX, intents.idAlphabet());
        assertEquals(Map.of("customer", "customers"), intents.references());
        assertEquals(10_000, intents.maxRows());

        TableConfig messages = config.table("messages").orElseThrow();
        assertEquals("sid", messages.idField());
        assertEquals(IdStrategy.PATTERN, messages.idStrategy());
        assertEquals("SM[0-9a-f]{32}", messages.idPattern());

        Binding create = config.extend().get(0);
        assertEquals("stripe", create.namespace());
        assertEquals("PostCustomers", create.operationId());
        assertEquals(Binding.Action.CREATE, create.action());
        assertEquals("/extend/0", create.pointer());
        Binding confirm = config.extend().get(1);
        assertEquals(Binding.Action.CUSTOM, confirm.action());
        assertEquals("ConfirmPaymentIntent", confirm.operation());
        assertEquals("intent", confirm.idParam());

        CustomOperation operation = config.customOperation("ConfirmPaymentIntent").orElseThrow();
        assertEquals(3, operation.steps().size());
        Step read = operation.steps().get(0);
        assertEquals(Step.Type.READ, read.type());
        assertEquals("input.intent", read.id().source());
        assertEquals("pi", read.as());
        Step validate = operation.steps().get(1);
        assertEquals(ErrorKind.VALIDATION_ERROR, validate.error().kind());
        assertEquals("payment_intent_unexpected_state", validate.error().code().textValue());
        assertEquals("This PaymentIntent cannot be confirmed", validate.error().message().evaluate(new MapContext()));
        Step update = operation.steps().get(2);
        assertNull(update.as(), "no as: the update rebinds, when it runs, every variable that held the row");
        MapContext context = new MapContext(Map.of("input", Map.of(), "pi", Map.of("amount", 500)));
        assertEquals(500, update.set().get("amount_received").evaluate(context));
        assertEquals("succeeded", update.set().get("status").evaluate(context));
        assertEquals(JsonNodeFactory.instance.textNode("pi"), operation.response());
        assertEquals("pi", operation.responseExpressions().get("").source());
    }

    @Test
    void givenServerLimits_whenLoaded_thenTheGivenOnesAreReadWithTheirUnitsAndTheOthersKeepTheirDefaults()
            throws Exception {
        Path file = ConfigFiles.twinYaml(dir, """
                imports: [{path: spec.yaml}]
                server:
                  limits: {maxUrlLength: 2048, maxHeaderSize: 8kb, maxBodySize: 1mb, bodyTimeout: 5s,
                           maxConnectionsPerAddress: 64}
                """);

        ServerLimits limits = ConfigLoader.load(file).server().limits();

        ServerLimits d = ServerLimits.DEFAULTS;
        assertEquals(new ServerLimits(2048, 8 * 1024, d.maxHeaders(), 1 << 20, d.headerTimeout(),
                Duration.ofSeconds(5), d.idleTimeout(), 64), limits);
    }

    @Test
    void givenOnlyImports_whenLoaded_thenEverythingElseHasDefaults() throws Exception {
        Path file = ConfigFiles.twinYaml(dir, "imports:\n  - path: spec.yaml\n");

        TwinConfig config = ConfigLoader.load(file);

        assertEquals("spec", config.imports().get(0).as());
        assertEquals(ServerSettings.DEFAULTS, config.server());
        assertEquals(Tenancy.DEFAULTS, config.tenancy());
        assertNull(config.credentials().reject());
        assertEquals(new Idempotency("Idempotency-Key", Duration.ofHours(24)), config.idempotency());
        assertEquals(Conventions.DEFAULTS, config.conventions());
        assertTrue(config.tables().isEmpty());
        assertTrue(config.extend().isEmpty());
        assertTrue(config.customOperations().isEmpty());
    }

    @Test
    void givenADirectory_whenLoaded_thenItsTwinYamlIsRead() throws Exception {
        ConfigFiles.twinYaml(dir, "imports:\n  - {path: spec.yaml, as: petstore}\n");

        TwinConfig config = ConfigLoader.load(dir);

        assertEquals("petstore", config.imports().get(0).as());
        assertEquals(dir.resolve("spec.yaml").toAbsolutePath().normalize(), config.imports().get(0).path());
    }

    @Test
    void givenSpecsOnTheCommandLine_whenConfigured_thenNamespacesComeFromFileNames() {
        TwinConfig config = ConfigLoader.forSpecs(List.of(Path.of("a/stripe.yaml"), Path.of("b/stripe.json"),
                Path.of("twilio_api_v2010.json")));

        assertEquals(List.of("stripe", "stripe2", "twilio_api_v2010"),
                config.imports().stream().map(Import::as).toList());
        assertEquals(Path.of("a/stripe.yaml").toAbsolutePath().normalize(), config.imports().get(0).path());
        assertEquals(Conventions.DEFAULTS, config.conventions());
    }
}
