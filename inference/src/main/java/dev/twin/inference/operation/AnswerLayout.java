package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.replayer.config.EtagScheme;
import dev.twin.replayer.config.JsonFormat;
import dev.twin.replayer.internal.response.JsonLayout;
import dev.twin.recorder.RecordedResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API's answers as bytes: how it lays out JSON (compact, or {@code JSON.stringify} with an indent, with or
 * without a final newline, members in the order made or sorted by name) and which digest of the body it sends as {@code ETag} (Express's weak SHA-1, or a
 * strong hex MD5, SHA-1 or SHA-256). Each recorded JSON answer is written back in every candidate layout and kept
 * where the bytes are equal; each ETag is checked against every scheme over the recorded bytes. A layout or scheme
 * is taken when it accounts for most of the answers it could (a store's revision ETags, say, account for the
 * rest). Looks at the first {@value #SAMPLES} answers of each kind, so its cost does not grow with the recording.
 */
public final class AnswerLayout {
    static final int SAMPLES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What was found ({@link JsonFormat#COMPACT} and {@link EtagScheme#NONE} when nothing), and why; {@code errorEtag}
     * is null unless the API's error answers were tagged by another scheme than the rest.
     */
    public record Result(JsonFormat layout, EtagScheme etag, EtagScheme errorEtag, List<String> evidence) {
    }

    private static final Map<JsonFormat, JsonLayout> LAYOUTS = layouts();
    private static final List<EtagScheme> SCHEMES = List.of(EtagScheme.WEAK_SHA1, EtagScheme.MD5, EtagScheme.SHA1,
            EtagScheme.SHA256);

    private final Map<JsonFormat, Integer> layoutMatches = new LinkedHashMap<>();
    private final Map<EtagScheme, Integer> schemeMatches = new LinkedHashMap<>();
    private final Map<EtagScheme, Integer> errorSchemeMatches = new LinkedHashMap<>();
    private int taggedErrors;
    private final MemberOrder memberOrder = new MemberOrder();
    private int jsonAnswers;
    private int taggedAnswers;

    public void accept(RecordedResponse response) {
        byte[] body = response.body().bytes();
        if (body.length == 0 || response.body().truncated()) {
            return;
        }
        String etag = Headers.first(response.headers(), "etag").orElse(null);
        boolean error = response.status() >= 400;
        if (etag != null && (error ? taggedErrors : taggedAnswers) < SAMPLES) {
            if (error) {
                taggedErrors++;
            } else {
                taggedAnswers++;
            }
            for (EtagScheme scheme : SCHEMES) {
                if (etag.equals(scheme.tagOf(body))) {
                    (error ? errorSchemeMatches : schemeMatches).merge(scheme, 1, Integer::sum);
                }
            }
        }
        String type = Headers.first(response.headers(), "content-type").orElse(null);
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json") && jsonAnswers < SAMPLES) {
            JsonNode tree = parse(body);
            if (tree != null && tree.isContainerNode() && !tree.isEmpty()) {
                jsonAnswers++;
                memberOrder.accept(tree);
                LAYOUTS.forEach((format, layout) -> {
                    if (Arrays.equals(body, layout.write(tree))) {
                        layoutMatches.merge(format, 1, Integer::sum);
                    }
                });
            }
        }
    }

    public Result result() {
        List<String> evidence = new ArrayList<>();
        JsonFormat layout = JsonFormat.COMPACT;
        Map.Entry<JsonFormat, Integer> bestLayout = best(layoutMatches);
        if (bestLayout != null && mostOf(bestLayout.getValue(), jsonAnswers)) {
            layout = bestLayout.getKey();
            if (!layout.equals(JsonFormat.COMPACT)) {
                evidence.add("JSON bodies are laid out " + describe(layout) + ": " + bestLayout.getValue() + " of "
                        + jsonAnswers + " recorded JSON answers are byte for byte that layout");
            }
        }
        if (memberOrder.sorted()) {
            layout = new JsonFormat(layout.indent(), layout.tabs(), layout.newline(), true);
            evidence.add("JSON members are sorted by name: " + memberOrder.describe());
        }
        EtagScheme scheme = EtagScheme.NONE;
        Map<EtagScheme, Integer> all = new LinkedHashMap<>(schemeMatches);
        errorSchemeMatches.forEach((tagged, count) -> all.merge(tagged, count, Integer::sum));
        Map.Entry<EtagScheme, Integer> bestScheme = best(schemeMatches.isEmpty() ? all : schemeMatches);
        int tagged = schemeMatches.isEmpty() ? taggedAnswers + taggedErrors : taggedAnswers;
        if (bestScheme != null && mostOf(bestScheme.getValue(), tagged)) {
            scheme = bestScheme.getKey();
            evidence.add("ETag is a " + scheme.yamlName() + " digest of the body: " + bestScheme.getValue() + " of "
                    + tagged + " recorded ETags match it"
                    + (bestScheme.getValue() < tagged ? " (the others are not body digests)" : ""));
        }
        EtagScheme errorScheme = null;
        Map.Entry<EtagScheme, Integer> bestError = best(errorSchemeMatches);
        if (bestError != null && bestError.getKey() != scheme && mostOf(bestError.getValue(), taggedErrors)) {
            errorScheme = bestError.getKey();
            evidence.add("error answers' ETag is a " + errorScheme.yamlName() + " digest of the body instead: "
                    + bestError.getValue() + " of " + taggedErrors + " recorded error ETags match it");
        }
        return new Result(layout, scheme, errorScheme, evidence);
    }

    /** More than half, and at least two: one coincidence is not a convention. */
    private static boolean mostOf(int matches, int of) {
        return matches >= 2 && matches * 2 > of;
    }

    private static <K> Map.Entry<K, Integer> best(Map<K, Integer> counts) {
        Map.Entry<K, Integer> best = null;
        for (Map.Entry<K, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > best.getValue()) {
                best = entry;
            }
        }
        return best;
    }

    private static String describe(JsonFormat layout) {
        String indent = layout.compact() ? "compactly" : "as JSON.stringify(body, null, "
                + (layout.tabs() ? "'\\t'" : String.valueOf(layout.indent())) + ")";
        return indent + (layout.newline() ? " with a final newline" : "")
                + (layout.sortKeys() ? ", every object's members sorted by name" : "");
    }

    private static Map<JsonFormat, JsonLayout> layouts() {
        Map<JsonFormat, JsonLayout> layouts = new LinkedHashMap<>();
        for (int indent : new int[] {0, 2, 4, -1}) {
            for (boolean newline : new boolean[] {false, true}) {
                JsonFormat format = new JsonFormat(Math.max(indent, 0), indent < 0, newline);
                layouts.put(format, new JsonLayout(format));
            }
        }
        return layouts;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }
}
