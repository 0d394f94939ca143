package dev.twin.proxy.record;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.RecordedRequest;
import java.time.Instant;
import java.util.List;

/** Records for CONNECT requests that carried no HTTP exchange twin could see. */
public final class ConnectExchanges {
    private ConnectExchanges() {
    }

    /** A tunnel twin relayed without decrypting (or could not open): only the host and port are known. */
    public static Exchange tunnel(String session, Instant startedAt, long durationMicros, String clientAddress,
                                  String host, int port, Failure failure) {
        return new Exchange(0, session, startedAt, durationMicros, clientAddress, connect(host, port), null, failure,
                true);
    }

    /** An intercepted CONNECT whose TLS handshake with twin failed, typically because the client lacks twin's CA. */
    public static Exchange refusedInterception(String session, Instant startedAt, long durationMicros,
                                               String clientAddress, String host, int port, String reason) {
        Failure failure = new Failure(Failure.Kind.CLIENT_ABORT, "the client did not complete TLS with twin's "
                + "certificate for " + host + " (does it trust twin's CA? see `twin ca export`): " + reason);
        return new Exchange(0, session, startedAt, durationMicros, clientAddress, connect(host, port), null, failure,
                false);
    }

    private static RecordedRequest connect(String host, int port) {
        return new RecordedRequest("CONNECT", "https", host, port, "", null, List.of(), null);
    }
}
