package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.http.TwinRequest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headers a write answers with ({@code create.headers}, {@code update.headers}, {@code patch.headers}), compiled
 * once at load. Each is a template over {@code item} (the row as shown), {@code request} (the write: {@code path},
 * {@code method}, {@code base} = {@code http://<Host>}, {@code query.<name>}, and {@code sha256}/{@code sha1}/
 * {@code md5} = the hex digest of the body as sent) and {@code content} (the bytes the row holds: {@code length},
 * {@code lastByte} = length − 1, 0 without bytes). What a request costs beyond {@code item} is paid only by the
 * templates that read it: a digest of the body only when a template names it.
 */
public final class HeaderTemplates {
    private static final Map<String, String> ALGORITHMS = Map.of("sha256", "SHA-256", "sha1", "SHA-1", "md5", "MD5");
    public static final HeaderTemplates NONE = new HeaderTemplates(Map.of());

    private final Map<String, StringTemplate> templates;
    /** Digest names ({@code sha256}) some template reads from {@code request}. */
    private final List<String> digests;
    private final boolean readsRequest;
    private final boolean readsContent;

    private HeaderTemplates(Map<String, String> sources) {
        Map<String, StringTemplate> compiled = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        sources.forEach((name, source) -> {
            if (source != null) {
                compiled.put(name, StringTemplate.compile(source));
                all.append(source).append('\n');
            }
        });
        this.templates = Collections.unmodifiableMap(compiled);
        String text = all.toString();
        // names are checked at load (TemplateScope.HEADERS), so finding them in the sources is exact enough: a false
        // match only costs a digest no header shows
        this.digests = ALGORITHMS.keySet().stream().filter(a -> text.contains("request." + a)).sorted().toList();
        this.readsRequest = text.contains("request.");
        this.readsContent = text.contains("content.");
    }

    /** The headers written in twin.yaml, by name; none for null. */
    public static HeaderTemplates compile(Map<String, String> sources) {
        return sources == null || sources.isEmpty() ? NONE : new HeaderTemplates(sources);
    }

    public boolean isEmpty() {
        return templates.isEmpty();
    }

    /**
     * Each header rendered for this write: {@code item} the row as shown, {@code data} the row as stored (its bytes,
     * for {@code content}).
     */
    public Map<String, String> render(Object item, TwinRequest request, JsonNode data) {
        Map<String, Object> model = new HashMap<>(4);
        model.put("item", item);
        if (readsRequest) {
            model.put("request", request(request));
        }
        if (readsContent) {
            long length = contentLength(data);
            model.put("content", Map.of("length", length, "lastByte", Math.max(0, length - 1)));
        }
        Map<String, String> out = new LinkedHashMap<>();
        templates.forEach((name, template) -> out.put(name, template.render(model)));
        return out;
    }

    private Map<String, Object> request(TwinRequest request) {
        Map<String, Object> values = new HashMap<>(8);
        values.put("path", request.path());
        values.put("method", request.method());
        values.put("base", "http://" + Objects.requireNonNullElse(request.header("Host"), "127.0.0.1"));
        Map<String, String> query = new HashMap<>();
        request.query().forEach((name, list) -> {
            if (!list.isEmpty()) {
                query.put(name, list.get(0));
            }
        });
        values.put("query", query);
        for (String algorithm : digests) {
            values.put(algorithm, hex(algorithm, request.body()));
        }
        return values;
    }

    /** The bytes a row keeps ({@link TableConventions#CONTENT_FIELD}, base64), counted without decoding them. */
    private static long contentLength(JsonNode data) {
        JsonNode kept = data == null ? null : data.get(TableConventions.CONTENT_FIELD);
        if (kept == null || !kept.isTextual()) {
            return 0;
        }
        String text = kept.textValue();
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        return (long) text.length() / 4 * 3 - padding;
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(ALGORITHMS.get(algorithm)).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHMS.get(algorithm), e);
        }
    }
}
