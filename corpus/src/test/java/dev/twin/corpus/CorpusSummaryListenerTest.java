package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CorpusSummaryListenerTest {

    @Test
    void givenApisThatCouldNotRun_whenSummarised_thenOneLineNamesEachWithWhyAndTheCommandThatRunsThemAll() {
        String line = CorpusSummaryListener.summary(Set.of("json-server"),
                Map.of("etcd-v2", "etcd not found; install: apt-get install etcd-server"));

        assertEquals("corpus: not run here: etcd-v2 (etcd not found; install: apt-get install etcd-server); "
                + "run them all with: bash .ci/run", line);
    }

    @Test
    void givenEveryApiRan_whenSummarised_thenTheLineSaysSo() {
        assertEquals("corpus: ran all of etcd-v2, json-server",
                CorpusSummaryListener.summary(Set.of("json-server", "etcd-v2"), Map.of()));
    }

    @Test
    void givenNoCorpusTestRan_whenSummarised_thenNothingIsPrinted() {
        assertNull(CorpusSummaryListener.summary(Set.of(), Map.of()));
    }
}
