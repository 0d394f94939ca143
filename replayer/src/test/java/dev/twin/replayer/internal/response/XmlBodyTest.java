package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.XML;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** XML bodies follow the OpenAPI {@code xml} object: names, namespaces and prefixes, wrapped arrays. */
class XmlBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static String write(String json, Schema<?> schema, Components components) throws Exception {
        JsonNode value = JSON.readTree(json);
        return new String(XmlBody.write(value, schema, components), StandardCharsets.UTF_8);
    }

    @Test
    void aNamespaceWithAPrefixQualifiesTheElementAndDeclaresIt() throws Exception {
        Schema<?> book = new ObjectSchema().xml(new XML().name("book").namespace("https://example.com/schema")
                .prefix("ex")).addProperty("title", new StringSchema());

        assertEquals(PROLOG + "<ex:book xmlns:ex=\"https://example.com/schema\"><title>Dune</title></ex:book>",
                write("{\"title\": \"Dune\"}", book, new Components()));
    }

    @Test
    void aRootArrayIsWrappedAndItsItemsNamedByTheirComponent() throws Exception {
        Components components = new Components().addSchemas("Pet", new ObjectSchema()
                .addProperty("name", new StringSchema()));
        Schema<?> pets = new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Pet"))
                .xml(new XML().name("pets"));

        assertEquals(PROLOG + "<pets><Pet><name>Rex</name></Pet><Pet><name>Tom</name></Pet></pets>",
                write("[{\"name\": \"Rex\"}, {\"name\": \"Tom\"}]", pets, components));
    }

    @Test
    void anUnwrappedArrayRepeatsItsPropertysElement() throws Exception {
        Schema<?> pet = new ObjectSchema().xml(new XML().name("pet"))
                .addProperty("photoUrls", new ArraySchema().items(new StringSchema()));

        assertEquals(PROLOG + "<pet><photoUrls>a.png</photoUrls><photoUrls>b.png</photoUrls></pet>",
                write("{\"photoUrls\": [\"a.png\", \"b.png\"]}", pet, new Components()));
    }

    @Test
    void withoutASchemaTheRootIsNamedRootAndTextIsEscaped() throws Exception {
        assertEquals(PROLOG + "<root><note>a &lt; b &amp; c</note></root>",
                write("{\"note\": \"a < b & c\"}", null, new Components()));
    }
}
