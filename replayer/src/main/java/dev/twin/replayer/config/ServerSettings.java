package dev.twin.replayer.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code server:} — where to listen and how to validate; command-line flags override these.
 *
 * @param headers headers the API sends on every answer ({@code Docker-Distribution-Api-Version: registry/2.0}),
 *                added to each API answer that lacks them; never to {@code /__twin/} answers
 * @param json    how the API lays out JSON bodies (compact by default)
 * @param etag    the digest the API sends as ETag of its JSON answers ({@link EtagScheme#NONE} by default)
 * @param rebase  the recorded API's own origins ({@code http://127.0.0.1:4873}): in answers' bodies and
 *                {@code Location}, each is replaced by the twin's own origin, so links into the API lead to the twin
 * @param limits  request size limits, timeouts and connections per client ({@link ServerLimits#DEFAULTS} by default)
 * @param cors    whether the API's routes answer CORS preflights and allow every origin, as spec mocks do (on by
 *                default); never the {@code /__twin/} routes
 * @param writeCounter a header counting the writes accepted so far ({@link WriteCounter#NONE} by default)
 * @param errorEtag the digest the API sends as ETag of its 4xx and 5xx JSON answers, where it differs from
 *                  {@code etag} (verdaccio tags what it answers itself with MD5, and Express its errors with a weak
 *                  SHA-1); null = {@code etag}
 */
public record ServerSettings(String host, int port, ValidationMode validate, Map<String, String> headers,
                             JsonFormat json, EtagScheme etag, List<String> rebase, ServerLimits limits,
                             boolean cors, WriteCounter writeCounter, EtagScheme errorEtag) {
    public static final ServerSettings DEFAULTS = new ServerSettings("127.0.0.1", 4280, ValidationMode.STRICT,
            Map.of(), JsonFormat.COMPACT, EtagScheme.NONE, List.of(), ServerLimits.DEFAULTS, true, WriteCounter.NONE,
            null);

    public ServerSettings(String host, int port, ValidationMode validate) {
        this(host, port, validate, Map.of(), JsonFormat.COMPACT, EtagScheme.NONE, List.of(), ServerLimits.DEFAULTS,
                true, WriteCounter.NONE, null);
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(validate, "validate");
        json = json == null ? JsonFormat.COMPACT : json;
        etag = etag == null ? EtagScheme.NONE : etag;
        errorEtag = errorEtag == null ? etag : errorEtag;
        rebase = rebase == null ? List.of() : List.copyOf(rebase);
        limits = limits == null ? ServerLimits.DEFAULTS : limits;
        writeCounter = writeCounter == null ? WriteCounter.NONE : writeCounter;
        headers = headers == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
