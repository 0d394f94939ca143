package dev.twin.replayer.server;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.twin.replayer.config.EtagScheme;
import dev.twin.replayer.config.JsonFormat;
import dev.twin.replayer.config.ServerSettings;
import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.http.TwinResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What every API answer of a twin shares with the real API's, applied after the answer is made and never to
 * {@code /__twin/} answers: the headers the API always sends ({@code server.headers}), its JSON layout
 * ({@code server.json}) and its digest ETag ({@code server.etag}), with the {@code 304} a matching
 * {@code If-None-Match} earns. Built once per loaded configuration; a twin without these settings passes answers
 * through untouched.
 */
final class ApiAnswerStyle {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final Map<String, String> headers;
    private final ObjectWriter jsonWriter;
    private final byte[] trailer;
    private final EtagScheme etag;

    private ApiAnswerStyle(Map<String, String> headers, JsonFormat json, EtagScheme etag) {
        this.headers = headers;
        this.jsonWriter = json.compact() ? null : JSON.writer(javascriptLayout(json));
        this.trailer = json.newline() ? new byte[] {'\n'} : new byte[0];
        this.etag = etag;
    }

    static ApiAnswerStyle of(ServerSettings server) {
        return new ApiAnswerStyle(server.headers(), server.json(), server.etag());
    }

    TwinResponse apply(TwinRequest request, TwinResponse response) {
        TwinResponse out = withApiHeaders(response);
        if ((jsonWriter != null || trailer.length > 0) && isJson(out)) {
            out = new TwinResponse(out.status(), out.headers(), layout(out.body()));
        }
        if (etag != EtagScheme.NONE && out.body().length > 0 && header(out, "ETag") == null) {
            String tag = etag(etag, out.body());
            out = out.withHeader("ETag", tag);
            if (isFresh(request, out, tag)) {
                return new TwinResponse(304, Map.of("ETag", tag), new byte[0]);
            }
        }
        return out;
    }

    /** The headers the API sends on every answer, where this answer has none of that name. */
    private TwinResponse withApiHeaders(TwinResponse response) {
        TwinResponse out = response;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header(response, header.getKey()) == null) {
                out = out.withHeader(header.getKey(), header.getValue());
            }
        }
        return out;
    }

    private byte[] layout(byte[] body) {
        try {
            byte[] laidOut = body;
            if (jsonWriter != null) {
                JsonNode tree = JSON.readTree(body);
                if (tree == null) {
                    return body;
                }
                laidOut = jsonWriter.writeValueAsBytes(tree);
            }
            if (trailer.length == 0 || laidOut.length > 0 && laidOut[laidOut.length - 1] == '\n') {
                return laidOut;
            }
            byte[] withTrailer = new byte[laidOut.length + 1];
            System.arraycopy(laidOut, 0, withTrailer, 0, laidOut.length);
            withTrailer[laidOut.length] = '\n';
            return withTrailer;
        } catch (IOException e) {
            return body; // labelled JSON but not JSON: sent as made
        }
    }

    static String etag(EtagScheme scheme, byte[] body) {
        return switch (scheme) {
            case WEAK_SHA1 -> "W/\"" + Integer.toHexString(body.length) + "-"
                    + Base64.getEncoder().encodeToString(digest("SHA-1", body)).substring(0, 27) + "\"";
            case MD5 -> "\"" + HexFormat.of().formatHex(digest("MD5", body)) + "\"";
            case SHA1 -> "\"" + HexFormat.of().formatHex(digest("SHA-1", body)) + "\"";
            case SHA256 -> "\"" + HexFormat.of().formatHex(digest("SHA-256", body)) + "\"";
            case NONE -> null;
        };
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

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static boolean isJson(TwinResponse response) {
        String type = header(response, "Content-Type");
        if (type == null || response.body().length == 0) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/json") || lower.contains("+json");
    }

    private static String header(TwinResponse response, String name) {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** JavaScript's {@code JSON.stringify(value, null, indent)}: {@code "key": value}, one member a line. */
    private static DefaultPrettyPrinter javascriptLayout(JsonFormat json) {
        DefaultIndenter indenter = new DefaultIndenter(json.tabs() ? "\t" : " ".repeat(json.indent()), "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
