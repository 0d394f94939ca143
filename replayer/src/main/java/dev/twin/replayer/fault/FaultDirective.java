package dev.twin.replayer.fault;

import dev.twin.replayer.config.FaultType;
import dev.twin.replayer.http.TwinResponse;

import java.util.Locale;
import java.util.Map;

/**
 * How the request pipeline (which only returns {@link TwinResponse}s) tells the HTTP layer to misbehave: two
 * internal headers that {@link FaultWriter} reads and strips before anything is written. Nothing else sets them;
 * a client cannot, because they are only ever read from responses.
 */
public final class FaultDirective {
    static final String FAULT_HEADER = "X-Twin-Internal-Fault";
    static final String DELAY_HEADER = "X-Twin-Internal-Delay-Ms";

    private FaultDirective() {
    }

    /** A response standing for a transport fault (for the status faults, a real plain-text response). */
    public static TwinResponse fault(FaultType type) {
        return switch (type) {
            case STATUS_500 -> plain(500, "Internal Server Error (injected by twin)");
            case STATUS_502 -> plain(502, "Bad Gateway (injected by twin)");
            case STATUS_503 -> plain(503, "Service Unavailable (injected by twin)");
            default -> new TwinResponse(200, Map.of(FAULT_HEADER, type.name()), new byte[0]);
        };
    }

    /** The same response, sent {@code millis} later (scheduled on the connection's event loop, never slept). */
    public static TwinResponse delayed(TwinResponse response, long millis) {
        if (millis <= 0) {
            return response;
        }
        String earlier = response.headers().get(DELAY_HEADER);
        long total = millis + (earlier == null ? 0 : Long.parseLong(earlier));
        return response.withHeader(DELAY_HEADER, Long.toString(total));
    }

    static FaultType faultOf(TwinResponse response) {
        String name = response.headers().get(FAULT_HEADER);
        return name == null ? null : FaultType.valueOf(name.toUpperCase(Locale.ROOT));
    }

    static long delayOf(TwinResponse response) {
        String millis = response.headers().get(DELAY_HEADER);
        return millis == null ? 0 : Long.parseLong(millis);
    }

    private static TwinResponse plain(int status, String text) {
        return new TwinResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
