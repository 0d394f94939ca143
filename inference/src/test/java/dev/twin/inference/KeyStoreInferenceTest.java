package dev.twin.inference;

import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration store shaped like etcd's v2 keys API: keys at literal paths, conditional writes refused by
 * query parameters ({@code prevExist}), and a header counting every accepted write. The operations no table
 * answers are replayed, each request answered by the recorded answer to the closest recorded request, and the
 * counter moves with the twin's own accepted writes.
 */
class KeyStoreInferenceTest extends ServedRecordingTest {

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:2379");
        t.form("PUT", "/v2/keys/app/db-host", "value=10.0.0.5", 201, node("set", "10.0.0.5"), index(4));
        t.form("PUT", "/v2/keys/app/db-port", "value=5432", 201, node("set", "5432"), index(5));
        t.json("GET", "/v2/keys/app/db-host", null, 200, node("get", "10.0.0.5"), index(5));
        t.form("PUT", "/v2/keys/app/db-host?prevExist=true", "value=10.0.0.6", 200, node("update", "10.0.0.6"),
                index(6));
        t.form("PUT", "/v2/keys/app/db-host?prevExist=false", "value=10.0.0.7", 412,
                "{\"errorCode\":105,\"message\":\"Key already exists\"}", index(6));
        t.form("PUT", "/v2/keys/app/db-port?prevValue=wrong", "value=6543", 412,
                "{\"errorCode\":101,\"message\":\"Compare failed\"}", index(6));
        t.json("GET", "/v2/keys/app/db-port", null, 200, node("get", "5432"), index(6));
        return t;
    }

    private static String node(String action, String value) {
        return "{\"action\":\"" + action + "\",\"node\":{\"value\":\"" + value + "\"}}";
    }

    private static List<Header> index(long value) {
        return List.of(new Header("X-Etcd-Index", Long.toString(value)));
    }

    @Test
    void givenACounterOfAcceptedWrites_whenInferred_thenTheTwinCountsItsOwnWritesFromTheSameStart() throws Exception {
        assertTrue(files.text("twin.yaml").contains("writeCounter"), files.text("twin.yaml"));
        twin.reset();

        HttpResponse<String> read = calls.json("GET", "/v2/keys/app/db-host", null);
        HttpResponse<String> refused = calls.form("PUT", "/v2/keys/app/db-host?prevExist=false", "value=10.0.0.7");
        HttpResponse<String> accepted = calls.form("PUT", "/v2/keys/app/db-host?prevExist=true", "value=10.0.0.6");

        assertEquals("3", read.headers().firstValue("X-Etcd-Index").orElse(null));
        assertEquals("3", refused.headers().firstValue("X-Etcd-Index").orElse(null));
        assertEquals("4", accepted.headers().firstValue("X-Etcd-Index").orElse(null));
    }

    @Test
    void givenOneLiteralPathAnsweredDifferentlyPerRequest_whenServed_thenEachRequestGetsItsRecordedAnswer()
            throws Exception {
        assertTrue(files.text("twin.yaml").contains("store: recordings.har"), files.text("twin.yaml"));
        assertTrue(files.files().containsKey("recordings.har"));

        HttpResponse<String> exists = calls.form("PUT", "/v2/keys/app/db-host?prevExist=false", "value=10.0.0.7");
        HttpResponse<String> wrong = calls.form("PUT", "/v2/keys/app/db-port?prevValue=wrong", "value=6543");
        HttpResponse<String> update = calls.form("PUT", "/v2/keys/app/db-host?prevExist=true", "value=10.0.0.6");

        assertEquals(412, exists.statusCode(), exists.body());
        assertEquals(412, wrong.statusCode(), wrong.body());
        assertEquals(200, update.statusCode(), update.body());
        assertTrue(update.body().contains("\"update\""), update.body());
        assertFalse(files.text("inference-report.md").isEmpty());
        assertTrue(files.text("inference-report.md").contains("recordings.har"), files.text("inference-report.md"));
    }
}
