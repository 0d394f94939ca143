package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.Idempotency;
import dev.twin.replayer.internal.form.MultipartForm;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers the first response to each idempotency key, per tenant, for the configured window (default 24 h):
 * the same key with the same request gets that response again (marked {@code Idempotent-Replayed: true}), the same
 * key with a different request is an IDEMPOTENCY_MISMATCH error. Kept in memory, or with shared state in the
 * shared store ({@link SharedIdempotency}), so a retry on any replica replays the first answer; two requests racing
 * with a new key both run (the first to finish is remembered).
 */
public final class IdempotencyCache {
    private static final int SWEEP_EVERY = 1024;

    private record Entry(String fingerprint, TwinResponse response, long rememberedAtMillis) {
    }

    private final Idempotency config;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writesSinceSweep = new AtomicInteger();
    /** Null: the entries above, in this process. */
    private final SharedIdempotency shared;

    public IdempotencyCache(Idempotency config, Clock clock) {
        this(config, clock, null);
    }

    /** Records kept in {@code shared} (null: in memory). */
    public IdempotencyCache(Idempotency config, Clock clock, SharedIdempotency shared) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = shared;
    }

    /** The request header carrying the key (Idempotency-Key unless configured). */
    public String header() {
        return config.header();
    }

    /**
     * The remembered response for this tenant and key, if still within the window.
     *
     * @throws StateException IDEMPOTENCY_MISMATCH when the key was first used with a different request
     */
    public Optional<TwinResponse> replay(String tenant, String key, String requestFingerprint) {
        String cacheKey = cacheKey(tenant, key);
        Entry entry = shared == null ? entries.get(cacheKey) : decode(shared.get(tenant, key));
        if (entry == null) {
            return Optional.empty();
        }
        if (isExpired(entry, clock.millis())) {
            if (shared == null) {
                entries.remove(cacheKey, entry);
            }
            return Optional.empty();
        }
        if (!entry.fingerprint().equals(requestFingerprint)) {
            throw new StateException(ErrorKind.IDEMPOTENCY_MISMATCH, "Keys for idempotent requests can only be "
                    + "used with the same parameters they were first used with. Try using a key other than '" + key
                    + "' if you meant to execute a different request.");
        }
        return Optional.of(entry.response().withHeader("Idempotent-Replayed", "true"));
    }

    /** Whether the records are kept in a shared store (then a write's record is committed with it). */
    public boolean isShared() {
        return shared != null;
    }

    /** The record of this answer, for the shared store: committed with the writes it answers. */
    public IdempotencyRecord record(String key, String requestFingerprint, TwinResponse response) {
        return new IdempotencyRecord(key, encode(new Entry(requestFingerprint, response, clock.millis())),
                config.window().toMillis());
    }

    /** Remembers the first response for this tenant and key; a later one for the same key does not replace it. */
    public void remember(String tenant, String key, String requestFingerprint, TwinResponse response) {
        long now = clock.millis();
        if (shared != null) {
            shared.putIfAbsent(tenant, key, encode(new Entry(requestFingerprint, response, now)),
                    config.window().toMillis());
            return;
        }
        entries.compute(cacheKey(tenant, key), (k, existing) -> existing == null || isExpired(existing, now)
                ? new Entry(requestFingerprint, response, now) : existing);
        if (writesSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            writesSinceSweep.set(0);
            entries.values().removeIf(entry -> isExpired(entry, now));
        }
    }

    /** Forgets every key (a full reset). */
    public void clear() {
        entries.clear();
        if (shared != null) {
            shared.clear();
        }
    }

    /** Forgets one tenant's keys (a tenant reset). */
    public void clearTenant(String tenant) {
        String prefix = tenant + '\u0000';
        entries.keySet().removeIf(key -> key.startsWith(prefix));
        if (shared != null) {
            shared.clearTenant(tenant);
        }
    }

    /** An entry as the shared store keeps it: the fingerprint, when, and the answer (its body in Base64). */
    private static String encode(Entry entry) {
        com.fasterxml.jackson.databind.node.ObjectNode node = StateCodec.JSON.createObjectNode();
        node.put("f", entry.fingerprint());
        node.put("a", entry.rememberedAtMillis());
        node.put("s", entry.response().status());
        com.fasterxml.jackson.databind.node.ObjectNode headers = node.putObject("h");
        entry.response().headers().forEach(headers::put);
        node.put("b", entry.response().body());
        return StateCodec.write(node);
    }

    private static Entry decode(String json) {
        if (json == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode node = StateCodec.read(json);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        node.get("h").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        try {
            return new Entry(node.get("f").asText(), new TwinResponse(node.get("s").asInt(), headers,
                    node.get("b").binaryValue()), node.get("a").asLong());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Keys remembered in this process, every tenant's (a full reset leaves none). */
    public int size() {
        return entries.size();
    }

    /**
     * What makes two requests "the same": method, path, query and body; a multipart body without its boundary,
     * which a client draws afresh for every request it writes (a retry of the same upload is the same request).
     */
    public static String fingerprint(TwinRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.method().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Objects.requireNonNullElse(request.rawQuery(), "").getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            String boundary = MultipartForm.boundary(request.header("content-type"));
            if (boundary == null) {
                digest.update(request.body());
            } else {
                withoutBoundary(request.body(), ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1), digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void withoutBoundary(byte[] body, byte[] boundary, MessageDigest digest) {
        int start = 0;
        for (int i = 0; i + boundary.length <= body.length; i++) {
            if (body[i] == boundary[0] && java.util.Arrays.equals(body, i, i + boundary.length, boundary, 0,
                    boundary.length)) {
                digest.update(body, start, i - start);
                i += boundary.length - 1;
                start = i + 1;
            }
        }
        digest.update(body, start, body.length - start);
    }

    private boolean isExpired(Entry entry, long now) {
        return now - entry.rememberedAtMillis() >= config.window().toMillis();
    }

    private static String cacheKey(String tenant, String key) {
        return tenant + '\u0000' + key;
    }
}
