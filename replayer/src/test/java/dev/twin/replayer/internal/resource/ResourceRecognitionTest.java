package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.IdStrategy;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.Timestamps;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code stateful: auto} reads off Stripe's and Twilio's published specs: the tables it writes for them. */
class ResourceRecognitionTest {
    private static TwinConfig stripe;
    private static TwinConfig twilio;
    private static List<ResourceTable> stripeResources;
    private static List<ResourceTable> twilioResources;

    @BeforeAll
    static void derive() throws Exception {
        Path stripeSpec = Path.of("..", "examples", "stripe", "spec3.json");
        Path twilioSpec = Path.of("..", "examples", "twilio", "twilio_api_v2010.json");
        stripe = StatefulAuto.expand(bare(stripeSpec), List.of(document(stripeSpec)));
        twilio = StatefulAuto.expand(bare(twilioSpec), List.of(document(twilioSpec)));
        stripeResources = StatefulAuto.resources(bare(stripeSpec), List.of(document(stripeSpec)));
        twilioResources = StatefulAuto.resources(bare(twilioSpec), List.of(document(twilioSpec)));
    }

    /** {@code twin serve --spec FILE --stateful}. */
    private static TwinConfig bare(Path spec) {
        TwinConfig config = ConfigLoader.forSpecs(List.of(spec));
        return config.withStateful(config.stateful().turnedOn());
    }

    private static SpecDocument document(Path spec) throws Exception {
        return SpecLoader.load(spec, ConfigLoader.forSpecs(List.of(spec)).imports().get(0).as());
    }

    private static TableConfig table(TwinConfig config, String name) {
        return config.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in "
                + config.tables().stream().map(TableConfig::name).toList()));
    }

    @Test
    void tablesAreNamedAfterTheCollectionWithItsParentWhenTheNameIsTaken() {
        assertEquals("/v1/customers", bindingPath(stripe, "customers"));
        assertEquals("/v1/customers/{customer}/sources", bindingPath(stripe, "customers_sources"));
        assertEquals("/v1/sources", bindingPath(stripe, "sources"));
        assertEquals("/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json",
                bindingPath(twilio, "incoming_phone_numbers"));
    }

    @Test
    void stripeIdsTakeTheExamplesPrefixAndListsTheCursorEnvelope() {
        TableConfig customers = table(stripe, "customers");
        ListStyle list = customers.response().list();

        assertEquals(IdStrategy.PREFIX, customers.idStrategy());
        assertEquals("cus_", customers.idPrefix());
        assertEquals(ListStyle.Style.CURSOR, list.style());
        assertEquals("data", list.dataField());
        assertEquals("list", list.extraFields().get("object").asText());
        assertEquals("{{request.path}}", list.extraFields().get("url").asText());
        assertEquals(Map.of("createdAt", "created"), customers.response().timestamps().fields());
        assertEquals(Timestamps.Format.UNIX, customers.response().timestamps().format());
        assertEquals("{\"deleted\":true,\"id\":\"{{item.id}}\",\"object\":\"customer\"}",
                customers.response().delete().body().toString());
    }

    @Test
    void stripeFieldsHoldingAnotherResourcesIdExpandIntoIt() {
        assertEquals("customers", table(stripe, "payment_intents").references().get("customer"));
    }

    @Test
    void stripeFieldsSentInAnotherShapeThanTheObjectHasAreNotKept() {
        assertTrue(table(stripe, "promotion_codes").response().fields().ignore().contains("coupon"));
    }

    @Test
    void twilioSidsFollowTheirPatternAndListsThePageEnvelopeOfTheirResource() {
        TableConfig messages = table(twilio, "messages");
        ListStyle list = messages.response().list();

        assertEquals("sid", messages.idField());
        assertEquals(IdStrategy.PATTERN, messages.idStrategy());
        assertEquals("(SM|MM)[0-9a-fA-F]{32}", messages.idPattern());
        assertEquals(ListStyle.Style.PAGE, list.style());
        assertEquals("messages", list.dataField());
        assertEquals("PageSize", list.pageSizeParam());
        assertEquals("next_page_uri", list.pageFields().get("nextPageUri"));
        assertEquals(1000, list.maxLimit());
        assertEquals(Timestamps.Format.RFC2822, messages.response().timestamps().format());
    }

    @Test
    void twilioFormFieldsAreShownUnderTheResourcesSnakeCaseNames() {
        Map<String, String> renamed = table(twilio, "messages").response().fields().rename();

        assertEquals("to", renamed.get("To"));
        assertEquals("from", renamed.get("From"));
        assertEquals("body", renamed.get("Body"));
    }

    @Test
    void twilioParentSidsAreStoredInTheResourcesOwnField() {
        assertEquals(Map.of("AccountSid", "account_sid"), twilio.extend().stream()
                .filter(b -> "messages".equals(b.table())).findFirst().orElseThrow().parentFields());
    }

    @Test
    void aPostAnsweringAnotherObjectThanTheItemIsNoCreate() {
        assertFalse(twilio.table("outgoing_caller_ids").isPresent(),
                "POST /OutgoingCallerIds.json answers a validation request: nothing makes caller ids");
    }

    private static String bindingPath(TwinConfig config, String table) {
        List<ResourceTable> resources = config == stripe ? stripeResources : twilioResources;
        return resources.stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow()
                .resource().collectionPath();
    }
}
