package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.twin.replayer.config.EtagScheme;
import dev.twin.replayer.config.JsonFormat;
import dev.twin.replayer.config.ServerSettings;
import dev.twin.replayer.internal.http.MediaTypes;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.JsonLayout;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * What every API answer of a twin shares with the real API's, applied after the answer is made and never to
 * {@code /__twin/} answers: the headers the API always sends ({@code server.headers}), links to its own address
 * made links to the twin ({@code server.rebase}), its JSON layout ({@code server.json}) and its digest ETag
 * ({@code server.etag}), with the {@code 304} a matching
 * {@code If-None-Match} earns. Built once per loaded configuration; a twin without these settings passes answers
 * through untouched.
 */
final class ApiAnswerStyle {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final Map<String, String> headers;
    private final JsonLayout layout;
    private final EtagScheme etag;
    private final EtagScheme errorEtag;
    private final OwnOrigins rebase;

    private ApiAnswerStyle(Map<String, String> headers, JsonFormat json, EtagScheme etag, EtagScheme errorEtag,
                           OwnOrigins rebase) {
        this.headers = headers;
        this.layout = json.equals(JsonFormat.COMPACT) ? null : new JsonLayout(json);
        this.etag = etag;
        this.errorEtag = errorEtag;
        this.rebase = rebase;
    }

    static ApiAnswerStyle of(ServerSettings server) {
        return new ApiAnswerStyle(server.headers(), server.json(), server.etag(), server.errorEtag(),
                new OwnOrigins(server.rebase()));
    }

    TwinResponse apply(TwinRequest request, TwinResponse response) {
        TwinResponse made = withApiHeaders(response);
        TwinResponse out = rebase.apply(request, made);
        if (layout != null && isJson(out)) {
            out = out.withBody(layout(out.body()));
        }
        EtagScheme scheme = out.status() >= 400 ? errorEtag : etag;
        if (scheme != EtagScheme.NONE && isJson(out) && (out.header("ETag") == null || stale(scheme, made, out))) {
            String tag = scheme.tagOf(out.body());
            out = out.withHeader("ETag", tag); // replaces a stale tag
            if (isFresh(request, out, tag)) {
                return new TwinResponse(304, Map.of("ETag", tag), new byte[0]);
            }
        }
        return out;
    }

    /**
     * A recorded answer's tag that was the digest of the recorded bytes, which rebasing or layout then changed: the
     * tag of the bytes sent is the one the API would send.
     */
    private static boolean stale(EtagScheme scheme, TwinResponse made, TwinResponse sent) {
        return made.body() != sent.body() && !Arrays.equals(made.body(), sent.body())
                && made.header("ETag").equals(scheme.tagOf(made.body()));
    }

    /** The headers the API sends on every answer, where this answer has none of that name. */
    private TwinResponse withApiHeaders(TwinResponse response) {
        TwinResponse out = response;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (response.header(header.getKey()) == null) {
                out = out.withHeader(header.getKey(), header.getValue());
            }
        }
        return out;
    }

    private byte[] layout(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            return tree == null ? body : layout.write(tree);
        } catch (IOException e) {
            return body; // labelled JSON but not JSON: sent as made
        }
    }

    /** A GET or HEAD whose {@code If-None-Match} names this answer's tag, for a 2xx: the client's copy is current. */
    private static boolean isFresh(TwinRequest request, TwinResponse response, String tag) {
        String condition = request.header("If-None-Match");
        if (condition == null || response.status() < 200 || response.status() > 299
                || !(request.method().equals("GET") || request.method().equals("HEAD"))) {
            return false;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String candidate : condition.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(TwinResponse response) {
        return response.body().length > 0 && MediaTypes.isJson(response.header("Content-Type"));
    }

}
