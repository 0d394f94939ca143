package dev.twin.proxy.record;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.RecordedRequest;
import java.time.Instant;
import java.util.List;

/** The record of a CONNECT tunnel twin relayed without decrypting: only the host and port are known. */
public final class TunnelExchange {
    private TunnelExchange() {
    }

    public static Exchange of(String session, Instant startedAt, long durationMicros, String clientAddress,
                              String host, int port, Failure failure) {
        RecordedRequest request = new RecordedRequest("CONNECT", "https", host, port, "", null, List.of(), null);
        return new Exchange(0, session, startedAt, durationMicros, clientAddress, request, null, failure, true);
    }
}
