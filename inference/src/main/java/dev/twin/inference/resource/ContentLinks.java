package dev.twin.inference.resource;

import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resources whose rows are bytes, and writes that make a row of another resource (a blob store's finished upload):
 * fed every exchange on an item path in recorded order, it follows the raw bodies (typed as neither JSON nor a form) written to
 * each row, and the values each PUT sent as query parameters.
 * <ul>
 *   <li>A resource whose item reads all answered bytes of one media type becomes a {@code content} table with it.
 *   <li>A read of such a row whose id a PUT of another resource had sent as a query parameter ({@code PUT
 *       /uploads/7?digest=sha256:…}, then {@code GET /blobs/sha256:…}), answering the bytes that PUT's row held,
 *       links them: the writing resource gets {@code update.copyTo} and keeps its bytes ({@code content}), appended
 *       when only appending the chunks explains the answer.
 * </ul>
 * Bounded: the bytes of the last {@value #MAX_ROWS} rows written (each up to {@value #MAX_BYTES} bytes), the last
 * {@value #MAX_ROWS} values sent.
 */
public final class ContentLinks {
    private static final int MAX_ROWS = 1024;
    private static final int MAX_BYTES = 1 << 20;

    /** The bytes one row holds after its writes, both ways: each chunk appended, or the last one. */
    private record Kept(byte[] appended, byte[] last) {
        static final Kept NONE = new Kept(new byte[0], new byte[0]);

        Kept with(byte[] sent) {
            if (sent.length == 0) {
                return this;
            }
            byte[] both = appended.length + sent.length > MAX_BYTES ? appended
                    : concat(appended, sent);
            return new Kept(both, sent);
        }
    }

    /** A value a PUT on item path {@code source} sent as query parameter {@code param}, with its row's bytes then. */
    private record Sent(String source, String param, Kept kept) {
    }

    /** What the reads of one resource's rows answered. */
    private static final class Reads {
        long bytes;
        long other;
        final java.util.Set<String> mediaTypes = new java.util.TreeSet<>();
    }

    /** Reads of a target's rows made by a source's PUT: how many, and how many answered each way's bytes. */
    private static final class Votes {
        final String source;
        final String param;
        final String target;
        long reads;
        long appended;
        long last;

        Votes(String source, String param, String target) {
            this.source = source;
            this.param = param;
            this.target = target;
        }
    }

    private final Map<String, Kept> rows = bounded();
    private final Map<String, Sent> sent = bounded();
    private final Map<String, Reads> reads = new TreeMap<>();
    private final Map<String, Votes> votes = new TreeMap<>();

    /**
     * One exchange on a path template in recorded order; only successful answers on item paths ({@code template}
     * ending in a variable, {@code id} its value) count.
     */
    public void exchange(String template, String id, RecordedRequest request, RecordedResponse response) {
        if (id == null || response.status() < 200 || response.status() >= 300 || template.lastIndexOf('}')
                < template.lastIndexOf('/')) {
            return;
        }
        switch (request.method()) {
            case "GET" -> read(template, id, response);
            case "PUT", "PATCH", "POST" -> write(template, request.method(), id, request);
            default -> {
            }
        }
    }

    private void write(String template, String method, String id, RecordedRequest request) {
        String key = template + " " + id;
        Kept kept = rows.getOrDefault(key, Kept.NONE).with(raw(request.headers(), request.body()));
        rows.put(key, kept);
        if (method.equals("PUT") && request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            UrlEncoded.parse(request.rawQuery()).forEach(pair -> {
                if (!pair.value().isEmpty()) {
                    sent.put(pair.value(), new Sent(template, pair.name(), kept));
                }
            });
        }
    }

    private void read(String resource, String id, RecordedResponse response) {
        Reads seen = reads.computeIfAbsent(resource, r -> new Reads());
        byte[] bytes = raw(response.headers(), response.body());
        if (bytes.length == 0) {
            seen.other++;
            return;
        }
        seen.bytes++;
        seen.mediaTypes.add(mediaType(response.headers()));
        Sent by = sent.get(id);
        if (by == null || by.source() == resource) {
            return;
        }
        Votes v = votes.computeIfAbsent(by.source() + " " + by.param() + " " + resource,
                k -> new Votes(by.source(), by.param(), resource));
        v.reads++;
        if (Arrays.equals(bytes, by.kept().appended())) {
            v.appended++;
        }
        if (Arrays.equals(bytes, by.kept().last())) {
            v.last++;
        }
    }

    /**
     * Item paths whose reads answered only bytes, each the bytes a PUT elsewhere had stored under the value it
     * sent: resources even without a JSON answer, since their rows are made by that PUT.
     */
    public java.util.Set<String> linkedTargets() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Votes v : votes.values()) {
            Reads seen = reads.get(v.target);
            if (linked(v) && seen != null && onlyBytes(seen)) {
                out.add(v.target);
            }
        }
        return out;
    }

    private static boolean linked(Votes v) {
        return !v.source.equals(v.target) && (v.appended == v.reads || v.last == v.reads);
    }

    private static boolean onlyBytes(Reads seen) {
        return seen.bytes > 0 && seen.other == 0 && seen.mediaTypes.size() == 1;
    }

    /** Writes what the evidence showed into the resources' conventions (found by item path), with the evidence. */
    @SuppressWarnings("unchecked")
    public void settle(List<Resource> resources) {
        Map<String, Resource> byItem = new java.util.HashMap<>();
        resources.forEach(r -> byItem.put(r.itemPath(), r));
        reads.forEach((path, seen) -> {
            Resource resource = byItem.get(path);
            if (resource != null && resource.actions.containsKey("get") && onlyBytes(seen)) {
                String type = seen.mediaTypes.iterator().next();
                resource.response.put("content", new LinkedHashMap<>(Map.of("mediaType", type)));
                resource.evidence.add("content: every read of a row (" + seen.bytes + ") answered bytes as " + type
                        + ": rows keep the bytes clients write, and a read answers them (content.mediaType)");
            }
        });
        for (Votes v : votes.values()) {
            Resource source = byItem.get(v.source);
            Resource target = byItem.get(v.target);
            if (!linked(v) || source == null || target == null || !target.response.containsKey("content")
                    || !source.actions.containsKey("update")) {
                continue;
            }
            boolean append = v.appended == v.reads && v.last < v.reads;
            Map<String, Object> content = new LinkedHashMap<>();
            if (append) {
                content.put("append", true);
            }
            source.response.putIfAbsent("content", content);
            Map<String, Object> update = (Map<String, Object>) source.response.computeIfAbsent("update",
                    k -> new LinkedHashMap<String, Object>());
            Map<String, Object> copyTo = new LinkedHashMap<>();
            copyTo.put("table", target.table());
            copyTo.put("idParam", v.param);
            update.put("copyTo", copyTo);
            source.evidence.add("update: " + v.reads + " read(s) of " + target.table() + " found a row under "
                    + "the value a PUT here had sent as '" + v.param + "', answering the bytes that PUT's row held"
                    + (append ? " (its chunks appended, not the last alone)" : "") + ": a PUT also stores the row "
                    + "in " + target.table() + " under that value (update.copyTo), and rows keep their bytes "
                    + "(content" + (append ? ".append" : "") + ")");
        }
    }

    /** The body's bytes when it is typed as neither JSON nor a form; none otherwise. */
    private static byte[] raw(List<Header> headers, Body body) {
        if (body == null || body.isEmpty() || body.truncated()) {
            return new byte[0];
        }
        String type = Headers.first(headers, "Content-Type").orElse(null);
        if (type == null) {
            return new byte[0];
        }
        String lower = type.toLowerCase(Locale.ROOT);
        boolean raw = !(lower.contains("json") || lower.startsWith("application/x-www-form-urlencoded")
                || lower.startsWith("multipart/"));
        return raw ? body.bytes() : new byte[0];
    }

    private static String mediaType(List<Header> headers) {
        String type = Headers.first(headers, "Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ROWS;
            }
        };
    }
}
