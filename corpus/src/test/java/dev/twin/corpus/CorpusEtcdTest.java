package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** etcd's v2 keys API through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusEtcdTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new EtcdV2Api();
    }

    @Test
    void givenEtcd_whenACompareAndSwapNamesTheWrongPreviousValue_thenItAnswers412WithErrorCode101() {
        Step failed = recordedStep("swap-db-port-wrong-prev");

        assertEquals(412, failed.status());
        assertEquals(101, failed.json().path("errorCode").asInt());
    }

    @Test
    void givenEtcd_whenADeletedKeyIsRead_thenItAnswers404WithErrorCode100() {
        Step deleted = recordedStep("read-deleted-log-level");

        assertEquals(404, deleted.status());
        assertEquals(100, deleted.json().path("errorCode").asInt());
    }

    @Test
    void givenEtcd_whenAJobIsQueued_thenItMintsAnInOrderKeyAndCountsInXEtcdIndex() {
        Step queued = recordedStep("enqueue-job-1");

        assertTrue(queued.json().path("node").path("key").asText().matches("/app/jobs/\\d{20}"), queued.body());
        assertEquals(queued.json().path("node").path("modifiedIndex").asText(), queued.header("X-Etcd-Index"));
    }
}
