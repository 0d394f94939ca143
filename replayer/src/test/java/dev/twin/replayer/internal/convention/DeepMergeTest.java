package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeepMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void nestedObjectsMergeKeyByKey() throws Exception {
        ObjectNode row = json("{\"name\":\"a\",\"metadata\":{\"x\":\"1\",\"y\":\"2\"}}");

        DeepMerge.merge(row, json("{\"metadata\":{\"y\":\"3\",\"z\":\"4\"}}"), false);

        assertEquals(json("{\"name\":\"a\",\"metadata\":{\"x\":\"1\",\"y\":\"3\",\"z\":\"4\"}}"), row);
    }

    @Test
    void inFormBodiesAnEmptyStringUnsetsAsStripeDocuments() throws Exception {
        ObjectNode row = json("{\"description\":\"d\",\"metadata\":{\"x\":\"1\",\"y\":\"2\"},\"tags\":{\"a\":\"b\"}}");

        DeepMerge.merge(row, json("{\"description\":\"\",\"metadata\":{\"x\":\"\"},\"tags\":\"\"}"), true);

        assertEquals(json("{\"description\":null,\"metadata\":{\"y\":\"2\"},\"tags\":{}}"), row);
    }

    @Test
    void inJsonBodiesAnEmptyStringIsJustAString() throws Exception {
        ObjectNode row = json("{\"description\":\"d\"}");

        DeepMerge.merge(row, json("{\"description\":\"\"}"), false);

        assertEquals(json("{\"description\":\"\"}"), row);
    }
}
