package dev.twin.junit5;

import dev.twin.replayer.ServedRequest;
import dev.twin.replayer.Twin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one test needs of its twin: where it listens and the API key that is this test's own tenant. A test takes it
 * as a parameter (of the test method or of a {@code @BeforeEach} method).
 */
public final class TwinRuntime {
    private final String baseUrl;
    private final String apiKey;
    private final Twin twin;
    private final TwinMode mode;
    private final Instant started;

    TwinRuntime(String baseUrl, String apiKey, Twin twin, TwinMode mode, Instant started) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.twin = twin;
        this.mode = mode;
        this.started = started;
    }

    /** {@code http://127.0.0.1:PORT}: the twin, or while recording the proxy in front of the real API. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The API key this test sends: its own tenant, so tests running at the same time never see each other's rows.
     * While recording it is the key the extension was given for the real API, if any.
     */
    public String apiKey() {
        return apiKey;
    }

    /** The tenant key the twin files this test's rows under ({@code t_...}), as {@link ServedRequest#tenant()}. */
    public String tenant() {
        return twin().tenantOf(apiKey);
    }

    /**
     * The running twin, for snapshots, events and the whole journal.
     *
     * @throws IllegalStateException while recording: the requests go to the real API, no twin is served
     */
    public Twin twin() {
        if (twin == null) {
            throw new IllegalStateException("no twin is served while recording: the requests go to the real API");
        }
        return twin;
    }

    /** How the class runs: {@link TwinMode#REPLAY} for a twin that records nothing. */
    public TwinMode mode() {
        return mode;
    }

    /** The requests this test sent so far, oldest first (none while recording). */
    public List<ServedRequest> requests() {
        if (twin == null) {
            return List.of();
        }
        String tenant = tenant();
        return twin.requests().stream()
                .filter(request -> request.tenant().equals(tenant) && !request.at().isBefore(started))
                .toList();
    }
}
