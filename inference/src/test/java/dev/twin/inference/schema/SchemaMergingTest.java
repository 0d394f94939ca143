package dev.twin.inference.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class SchemaMergingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(String... samples) throws Exception {
        ShapeAggregate shape = new ShapeAggregate();
        for (String sample : samples) {
            shape.add(JSON.readTree(sample));
        }
        return new SchemaEmitter(false, null).emit(shape);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> schema, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
    }

    @Test
    void propertiesAreTheUnionAndRequiredAreThoseInEverySample() throws Exception {
        Map<String, Object> schema = merged("{\"a\":1,\"b\":\"x\"}", "{\"a\":2,\"c\":true}");
        assertEquals(List.of("a"), schema.get("required"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(((Map<?, ?>) schema.get("properties")).keySet()));
    }

    @Test
    void nullMakesAFieldNullableAndADecimalMakesItANumber() throws Exception {
        Map<String, Object> schema = merged("{\"n\":1,\"s\":\"x\"}", "{\"n\":1.5,\"s\":null}");
        assertEquals("number", property(schema, "n").get("type"));
        assertEquals("string", property(schema, "s").get("type"));
        assertEquals(true, property(schema, "s").get("nullable"));
        assertEquals("integer", property(merged("{\"n\":1}", "{\"n\":2}"), "n").get("type"));
    }

    @Test
    void formatsHoldOnlyWhenEveryValueHasThem() throws Exception {
        Map<String, Object> schema = merged(
                "{\"at\":\"2024-05-01T12:00:00Z\",\"day\":\"2024-05-01\",\"mail\":\"a@example.com\","
                        + "\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"link\":\"https://x.io/a\",\"created\":1700000000,"
                        + "\"mixed\":\"2024-05-01\"}",
                "{\"at\":\"2024-05-02T12:00:00Z\",\"day\":\"2024-05-02\",\"mail\":\"b@example.com\","
                        + "\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3302\",\"link\":\"https://x.io/b\",\"created\":1700000001,"
                        + "\"mixed\":\"soon\"}");
        assertEquals("date-time", property(schema, "at").get("format"));
        assertEquals("date", property(schema, "day").get("format"));
        assertEquals("email", property(schema, "mail").get("format"));
        assertEquals("uuid", property(schema, "id").get("format"));
        assertEquals("uri", property(schema, "link").get("format"));
        assertEquals("unix-time", property(schema, "created").get("format"));
        assertNull(property(schema, "mixed").get("format"));
    }

    @Test
    void aUrlWithAnAtSignIsNoEmail() throws Exception {
        Map<String, Object> schema = merged("{\"tarball\":\"http://127.0.0.1:4873/@corpus/greet/-/greet-1.0.0.tgz\"}",
                "{\"tarball\":\"http://127.0.0.1:4873/@corpus/hello/-/hello-1.0.0.tgz\"}");
        assertEquals("uri", property(schema, "tarball").get("format"));
    }

    @Test
    void fewRepeatedSafeStringsBecomeAnEnum() throws Exception {
        Map<String, Object> schema = merged("{\"status\":\"paid\"}", "{\"status\":\"open\"}",
                "{\"status\":\"paid\"}", "{\"status\":\"open\"}");
        assertEquals(List.of("open", "paid"), property(schema, "status").get("enum"));
        Map<String, Object> names = merged("{\"name\":\"a\"}", "{\"name\":\"b\"}", "{\"name\":\"c\"}",
                "{\"name\":\"d\"}");
        assertFalse(property(names, "name").containsKey("enum"));
    }

    @Test
    void arraysAndNestedObjectsAreMergedToo() throws Exception {
        Map<String, Object> schema = merged("{\"items\":[{\"p\":1},{\"p\":2,\"q\":\"x\"}]}", "{\"items\":[]}");
        Map<String, Object> items = property(schema, "items");
        assertEquals("array", items.get("type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) items.get("items");
        assertEquals(List.of("p"), item.get("required"));
    }

    @Test
    void formBodiesNestByBrackets() {
        assertEquals("{\"metadata\":{\"order\":42},\"expand\":[\"customer\"],\"name\":\"Jenny\"}",
                BodyReader.form("metadata[order]=42&expand[]=customer&name=Jenny").toString());
    }
}
