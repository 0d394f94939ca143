package dev.twin.inference.path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EchoedSegmentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> echoes(String path, String answer) throws Exception {
        return EchoedSegments.find(PathTrie.segments(path), answer, () -> {
            try {
                return JSON.readTree(answer);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSegmentHeldAsAStringValueIsNamedByItsField() throws Exception {
        assertEquals(Arrays.asList(null, null, "name"), echoes("/api/vhosts/shop", "{\"name\":\"shop\"}"));
    }

    @Test
    void percentEncodedSegmentsAreComparedDecoded() throws Exception {
        assertEquals(Arrays.asList(null, null, "vhost", "name"),
                echoes("/api/queues/%2F/jobs", "{\"name\":\"jobs\",\"vhost\":\"/\"}"));
    }

    @Test
    void valuesInsideListsCount() throws Exception {
        assertEquals(Arrays.asList(null, null, "vhost"),
                echoes("/api/queues/shop", "[{\"name\":\"a\",\"vhost\":\"shop\"},{\"name\":\"b\",\"vhost\":\"shop\"}]"));
    }

    @Test
    void typeTagsKeysAndIdShapedSegmentsAreNoEvidence() throws Exception {
        assertEquals(List.of(), echoes("/v1/balance", "{\"object\":\"balance\"}"));
        assertEquals(List.of(), echoes("/v1/settings", "{\"settings\":{\"a\":1}}"));
        assertEquals(List.of(), echoes("/users/42", "{\"id\":\"42\"}"));
    }
}
