package dev.twin.replayer.twilio;

import com.twilio.http.TwilioRestClient;
import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.binding.TwinTwilioHttpClient;
import dev.twin.replayer.internal.callback.CallbackDelivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * examples/twilio served on a free port of 127.0.0.1 with a manual clock starting at {@link #START}: nothing moves
 * on until a test advances time, so every status a test reads is the one it expects.
 */
final class TwilioTwin implements AutoCloseable {
    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    static final Path EXAMPLE = Path.of("..", "examples", "twilio", "twin.yaml");

    private final Twin twin;

    private TwilioTwin(Twin twin) {
        this.twin = twin;
    }

    static TwilioTwin start() throws Exception {
        return new TwilioTwin(Twin.builder().config(EXAMPLE).manualClock(START).start());
    }

    /** An SDK client of account {@code accountSid} authenticating with {@code authToken}, routed to the twin. */
    TwilioRestClient client(String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new TwinTwilioHttpClient(twin.baseUrl()))
                .build();
    }

    /** Moves the twin's time ahead, applying every transition due on the way. */
    int advance(Duration duration) {
        return twin.advanceClock(duration);
    }

    Instant now() {
        return twin.now();
    }

    String baseUrl() {
        return twin.baseUrl();
    }

    Twin twin() {
        return twin;
    }

    /** Callbacks made so far, counted when the change causing them committed. */
    long callbacksMade() {
        return twin.internals().sandbox().callbacks().prepared();
    }

    /** The callback log, newest first. */
    List<CallbackDelivery> callbackLog() {
        return twin.internals().sandbox().callbacks().deliveries();
    }

    /** An account SID made of one repeated digit: each test class its own account, so its own tenant. */
    static String account(char digit) {
        return "AC" + String.valueOf(digit).repeat(32);
    }

    @Override
    public void close() {
        twin.close();
    }
}
