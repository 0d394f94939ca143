package dev.twin.replayer.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.testing.OpenApiSchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values look like what their property names say, Stripe objects look like Stripe's, and output is reproducible. */
class RealisticValuesTest {

    private static final long JAN_2024 = 1_704_067_200L;
    private static final long JAN_2026 = 1_767_225_600L;
    /** Recorded once; a change means bodies differ between versions (or JVMs), which clients would notice. */
    private static final String GOLDEN_CONTACT = "{\"id\":\"ad8dce96-0780-4653-b00d-420209c637dd\","
            + "\"email\":\"glendora.fritsch@hotmail.com\",\"name\":\"Willis Wyman\",\"created\":1709074553,"
            + "\"tags\":[\"cum\"]}";

    @Test
    void givenPropertiesNamedLikeContactData_whenGenerating_thenValuesLookLikeThatData() {
        InlineSpec spec = InlineSpec.openApi30("""
                Person:
                  type: object
                  properties:
                    email: {type: string}
                    first_name: {type: string}
                    phone: {type: string}
                    website: {type: string}
                    currency: {type: string}
                    country: {type: string}
                    postal_code: {type: string}
                    created: {type: integer}
                    updated_at: {type: integer}
                    amount: {type: integer}
                """);

        for (long seed = 0; seed < 10; seed++) {
            JsonNode person = spec.generate("Person", seed);
            assertTrue(person.get("email").textValue().matches("[^@\\s]+@[a-z0-9.-]+\\.[a-z]+"), person.toString());
            assertTrue(person.get("first_name").textValue().matches("[A-Z][a-zA-Z' -]+"), person.toString());
            assertTrue(person.get("phone").textValue().matches("\\+1[0-9]{10}"), person.toString());
            assertTrue(person.get("website").textValue().startsWith("https://"), person.toString());
            assertTrue(person.get("currency").textValue().matches("[a-z]{3}"), person.toString());
            assertTrue(person.get("country").textValue().matches("[A-Z]{2}"), person.toString());
            assertTrue(person.get("postal_code").textValue().matches("[0-9]{5}(-[0-9]{4})?"), person.toString());
            assertInRange(person.get("created").longValue(), JAN_2024, JAN_2026);
            assertInRange(person.get("updated_at").longValue(), JAN_2024, JAN_2026);
            assertTrue(person.get("amount").longValue() > 0);
        }
    }

    @Test
    void givenAStripeCustomer_whenGenerating_thenItCarriesItsObjectNameAndAPrefixedId() {
        OpenAPI stripe = SpecFixtures.stripe();

        JsonNode customer = new BodyGenerator(stripe.getComponents()).generate(component("customer"), 3);

        assertEquals("customer", customer.get("object").textValue());
        assertTrue(customer.get("id").textValue().matches("cus_[0-9A-Za-z]{14}"), customer.get("id").toString());
        assertEquals(List.of(), OpenApiSchemaValidator.of(stripe).validate(component("customer"), customer));
    }

    @Test
    void givenAStripeExpandableField_whenGenerating_thenTheIdBranchIsChosenWithTheReferencedPrefix() {
        OpenAPI stripe = SpecFixtures.stripe();

        JsonNode charge = new BodyGenerator(stripe.getComponents()).generate(component("charge"), 3);

        assertTrue(charge.get("customer").textValue().startsWith("cus_"), charge.get("customer").toString());
        assertTrue(charge.get("balance_transaction").textValue().startsWith("txn_"));
        assertTrue(charge.get("id").textValue().startsWith("ch_"));
    }

    @Test
    void givenTheSameSchemaAndSeed_whenGeneratingWithTwoGenerators_thenTheJsonIsIdentical() {
        OpenAPI stripe = SpecFixtures.stripe();

        String first = new BodyGenerator(stripe.getComponents()).generate(component("charge"), 99).toString();
        String second = new BodyGenerator(stripe.getComponents()).generate(component("charge"), 99).toString();
        String otherSeed = new BodyGenerator(stripe.getComponents()).generate(component("charge"), 100).toString();

        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
    }

    @Test
    void givenAFixedSeed_whenGenerating_thenTheOutputIsTheRecordedOneInEveryJvm() {
        InlineSpec spec = InlineSpec.openApi30("""
                Contact:
                  type: object
                  required: [id, email]
                  properties:
                    id: {type: string, format: uuid}
                    email: {type: string}
                    name: {type: string}
                    created: {type: integer}
                    tags: {type: array, items: {type: string}}
                """);

        assertEquals(GOLDEN_CONTACT, spec.generate("Contact", 2024).toString());
    }

    @Test
    void givenTheServersLazilyReadComponents_whenGenerating_thenBodiesEqualThoseFromTheFullyParsedSpec()
            throws Exception {
        Path specFile = Path.of(getClass().getClassLoader().getResource("specs/stripe/spec3.json").toURI());
        SpecDocument lazy = SpecLoader.load(specFile, "stripe");
        BodyGenerator fromLazy = new BodyGenerator(lazy.components());
        BodyGenerator fromParsed = new BodyGenerator(SpecFixtures.stripe().getComponents());

        for (String name : List.of("customer", "charge", "invoice", "subscription")) {
            assertEquals(fromParsed.generate(component(name), 5).toString(),
                    fromLazy.generate(component(name), 5).toString(), name);
        }
    }

    private static Schema<?> component(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static void assertInRange(long value, long from, long to) {
        assertTrue(value >= from && value < to, value + " not in [" + from + ", " + to + ")");
    }
}
