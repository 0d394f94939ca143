package dev.twin.corpus;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A real API the corpus runs: how to start it and the client flow to drive through it. */
public interface CorpusApi {
    /** Short and stable, e.g. {@code etcd-v2}: names the resource folder {@code corpus/<name>/} of the ratchet. */
    String name();

    /** Why it cannot run on this machine (e.g. "etcd not found; install: apt-get install etcd-server"), or null. */
    String unavailable();

    /** Starts the real server on a free 127.0.0.1 port with its data under workDir. */
    Upstream start(Path workDir) throws Exception;

    /** The scripted integration; the same code runs against the real API (through the recorder) and the twin. */
    void flow(FlowClient client) throws Exception;

    /**
     * Steps whose answer no recording can reveal: step name -> why. Empty by default. A key may name one place in the
     * step after the name, {@code "read-session  $.node.ttl"}, to leave the rest of the step compared. A different
     * status is never unrevealable. (Server clock readings need no entry: see {@link TranscriptComparison}.)
     */
    default Map<String, String> unrevealable() {
        return Map.of();
    }

    /**
     * Response headers this API's clients read, beyond the ones {@link FlowClient} always keeps (Content-Type,
     * Location, Link, X-Total-Count, ETag), e.g. {@code X-Etcd-Index}. Empty by default.
     */
    default Set<String> keptHeaders() {
        return Set.of();
    }
}
