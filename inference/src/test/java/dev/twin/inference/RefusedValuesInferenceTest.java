package dev.twin.inference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A product catalogue whose server checks what it is sent: a product with an empty {@code name} was refused 422
 * naming {@code name}, one whose {@code inStock} was the text {@code "maybe"} refused 422 naming {@code inStock}. The
 * twin refuses both the same way: the empty name by {@code minLength: 1} (every accepted product sent a name holding
 * something), the text flag because a refused value the answer named does not widen the field's type.
 */
class RefusedValuesInferenceTest extends ServedRecordingTest {
    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/products", "{\"name\":\"lamp\",\"inStock\":true}", 201,
                "{\"id\":1,\"name\":\"lamp\",\"inStock\":true}");
        t.json("POST", "/products", "{\"name\":\"desk\",\"inStock\":false}", 201,
                "{\"id\":2,\"name\":\"desk\",\"inStock\":false}");
        t.json("POST", "/products", "{\"name\":\"\",\"inStock\":true}", 422,
                "{\"problems\":[{\"field\":\"name\",\"problem\":\"too short\"}]}");
        t.json("POST", "/products", "{\"name\":\"chair\",\"inStock\":\"maybe\"}", 422,
                "{\"problems\":[{\"field\":\"inStock\",\"problem\":\"not a boolean\"}]}");
        t.json("GET", "/products/1", null, 200, "{\"id\":1,\"name\":\"lamp\",\"inStock\":true}");
        return t;
    }

    @Test
    void givenValuesTheServerRefusedNamingTheField_whenTheTwinIsSentThem_thenItRefusesThemToo() throws Exception {
        String spec = files.text("openapi.yaml");
        assertEquals(422, calls.json("POST", "/products", "{\"name\":\"\",\"inStock\":true}").statusCode(), spec);
        assertEquals(422, calls.json("POST", "/products", "{\"name\":\"stool\",\"inStock\":\"maybe\"}").statusCode(),
                spec);
        assertEquals(201, calls.json("POST", "/products", "{\"name\":\"stool\",\"inStock\":true}").statusCode());
        assertTrue(spec.contains("minLength: 1"), spec);
    }
}
