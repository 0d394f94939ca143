package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.schema.BodyReader;
import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.replayer.config.Binding.Action;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resources whose rows are bytes, and writes that make a row of another resource (a blob store's finished upload).
 * Fed every exchange on an item path in recorded order, it follows the raw bodies (typed as neither JSON nor a form)
 * written to each row, the digests of the bodies PUT, and the values each PUT sent as query parameters.
 * <ul>
 *   <li>A resource whose item reads all answered bytes of one media type (or, for JSON, byte for byte a body PUT to
 *       it: the API keeps what was sent, not fields) becomes a {@code content} table with it, with the headers that
 *       held a digest of those bytes in every read ({@code content.headers}).
 *   <li>A read of such a row whose id a PUT of another resource had sent as a query parameter ({@code PUT
 *       /uploads/7?digest=sha256:…}, then {@code GET /blobs/sha256:…}), answering the bytes that PUT's row held,
 *       links them: the writing resource gets {@code update.copyTo} and keeps its bytes ({@code content}), appended
 *       when only appending the chunks explains the answer.
 *   <li>A query parameter every accepted PUT set to the digest of its row's bytes, with a PUT naming another digest
 *       refused, becomes {@code update.checksum}.
 *   <li>Reads under an id holding the digest of a body PUT to the same resource become {@code update.alias}.
 * </ul>
 * Bounded: digests (never bytes) of the last {@value #MAX_ROWS} rows written, the last {@value #MAX_ROWS} values
 * sent and body digests.
 */
public final class ContentLinks {
    private static final int MAX_ROWS = 1024;
    private static final List<String> ALGORITHMS = List.of("sha256", "sha1", "md5");

    /**
     * What one row holds after its writes, both ways (each chunk appended, or the last one), as digests only: the
     * appended bytes' running digests and the hex digests of both, so memory stays bounded whatever was uploaded.
     */
    private record Kept(List<MessageDigest> running, Map<String, String> appended, Map<String, String> last,
                        long appendedLength, long lastLength) {
        static final Kept NONE = new Kept(List.of(), hexes(new byte[0]), hexes(new byte[0]), 0, 0);

        Kept with(byte[] sent) {
            if (sent.length == 0) {
                return this;
            }
            List<MessageDigest> next = new ArrayList<>();
            Map<String, String> appendedHex = new TreeMap<>();
            for (int i = 0; i < ALGORITHMS.size(); i++) {
                MessageDigest digest = running.isEmpty() ? digest(ALGORITHMS.get(i)) : copy(running.get(i));
                digest.update(sent);
                next.add(digest);
                appendedHex.put(ALGORITHMS.get(i), HexFormat.of().formatHex(copy(digest).digest()));
            }
            return new Kept(next, appendedHex, hexes(sent), appendedLength + sent.length, sent.length);
        }

        /** Whether these bytes are what the row holds one way ({@code appended}) or the other. */
        boolean isAppended(Map<String, String> hexes) {
            return appended.get("sha256").equals(hexes.get("sha256"));
        }

        boolean isLast(Map<String, String> hexes) {
            return last.get("sha256").equals(hexes.get("sha256"));
        }
    }

    /** A value a PUT on item path {@code source} sent as query parameter {@code param}, with its row's bytes then. */
    private record Sent(String source, String param, Kept kept) {
    }

    /** What the reads of one resource's rows answered. */
    private static final class Reads {
        long bytes;
        long other;
        final Set<String> mediaTypes = new TreeSet<>();
        /** Header (its spelling) → the digest form it held in every bytes answer so far; null before the first. */
        Map<String, String> digests;
    }

    private static final Set<String> NOT_DIGESTS = Set.of("content-type", "content-length",
            "date", "last-modified", "location", "link");

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
    /** PUTs naming a digest of their row's bytes in a query parameter: accepted right, refused wrong. */
    private static final class Checks {
        final String template;
        final String param;
        String form;
        long accepted;
        long refused;
        boolean broken;
        int status;
        JsonNode body;

        Checks(String template, String param) {
            this.template = template;
            this.param = param;
        }
    }

    private final Map<String, Checks> checks = new TreeMap<>();
    /** Hex digest of a successful PUT's body (each algorithm) → the item path it was PUT under. */
    private final Map<String, String> putDigests = bounded();
    /** Item path → the form of the digest ids its reads found (null once two disagreed), and how many. */
    private final Map<String, String> aliasForms = new TreeMap<>();
    private final Map<String, Long> aliasReads = new TreeMap<>();
    private final Map<String, Reads> reads = new TreeMap<>();
    private final Map<String, Votes> votes = new TreeMap<>();
    /** Item path, method and header name → the values a write's answers gave it beside the bytes its row held. */
    private final Map<String, LengthHeader> lengthHeaders = new TreeMap<>();
    private static final int MAX_LENGTH_SAMPLES = 64;
    private static final int MAX_LENGTH_HEADERS = 64;
    /** What a header holding a count of bytes may hold beside it: {@code 0-26}, {@code bytes=0-26}, {@code 27}. */
    private static final java.util.regex.Pattern RANGE_TEXT = java.util.regex.Pattern.compile(
            "(bytes)?[0-9 /=,*-]*");
    private static final Set<String> NOT_LENGTHS = Set.of("content-length", "date", "last-modified", "age",
            "retry-after", "expires");

    /** One write answer's header value, with the bytes its row held after the write, each way. */
    private record LengthSample(String value, long appended, long last) {
    }

    /** Item path and method → the successful write answers seen. */
    private final Map<String, Long> lengthWrites = new TreeMap<>();

    private static final class LengthHeader {
        final String template;
        final String method;
        final String name;
        final List<LengthSample> samples = new ArrayList<>();

        LengthHeader(String template, String method, String name) {
            this.template = template;
            this.method = method;
            this.name = name;
        }
    }

    /**
     * One exchange on a path template in recorded order; only successful answers on item paths ({@code template}
     * ending in a variable, {@code id} its value) count.
     */
    public void exchange(String template, String id, RecordedRequest request, RecordedResponse response) {
        if (id == null || template.lastIndexOf('}') < template.lastIndexOf('/')) {
            return;
        }
        if (response.status() >= 400 && response.status() < 500 && request.method().equals("PUT")) {
            refused(template, id, request, response);
            return;
        }
        if (response.status() < 200 || response.status() >= 300) {
            return;
        }
        switch (request.method()) {
            case "GET" -> read(template, id, response);
            case "PUT", "PATCH", "POST" -> {
                write(template, request.method(), id, request);
                lengths(template, request.method(), rows.get(template + " " + id), response.headers());
            }
            default -> {
            }
        }
    }

    private void write(String template, String method, String id, RecordedRequest request) {
        if (method.equals("PUT") && !request.body().isEmpty() && !request.body().truncated()) {
            for (String algorithm : ALGORITHMS) {
                putDigests.put(hex(algorithm, request.body().bytes()), template);
            }
        }
        String key = template + " " + id;
        Kept kept = rows.getOrDefault(key, Kept.NONE).with(raw(request.headers(), request.body()));
        rows.put(key, kept);
        if (method.equals("PUT") && request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            UrlEncoded.parse(request.rawQuery()).forEach(pair -> {
                if (!pair.value().isEmpty()) {
                    sent.put(pair.value(), new Sent(template, pair.name(), kept));
                    String form = digestForm(pair.value(), kept);
                    Checks c = checks.computeIfAbsent(template + " " + pair.name(),
                            k -> new Checks(template, pair.name()));
                    c.accepted++;
                    if (form == null || c.form != null && !c.form.equals(form)) {
                        c.broken = true;
                    } else {
                        c.form = form;
                    }
                }
            });
        }
    }

    /**
     * The headers of a write's answer beside what its row holds now: {@link #lengthForms} tells later whether one
     * counts those bytes. Every write answer on the path counts: one without the header breaks it.
     */
    private void lengths(String template, String method, Kept kept, List<Header> headers) {
        if (kept == null) {
            return;
        }
        Set<String> named = new java.util.HashSet<>();
        for (Header header : headers) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (NOT_LENGTHS.contains(lower) || !named.add(lower)) {
                continue;
            }
            String key = template + " " + method + " " + lower;
            LengthHeader h = lengthHeaders.get(key);
            if (h == null) {
                if (lengthHeaders.size() >= MAX_LENGTH_HEADERS) {
                    continue;
                }
                h = new LengthHeader(template, method, header.name());
                lengthHeaders.put(key, h);
            }
            if (h.samples.size() < MAX_LENGTH_SAMPLES) {
                h.samples.add(new LengthSample(header.value(), kept.appendedLength(), kept.lastLength()));
            }
        }
        lengthWrites.merge(template + " " + method, 1L, Long::sum);
    }

    /**
     * The header's value as a template over the bytes its row held ({@code 0-{{content.lastByte}}},
     * {@code {{content.length}}}), the same for every answer and shown by one holding two bytes at least (fewer
     * could be a constant 0 or 1); null when it is not one. {@code appended}: the row's bytes are its chunks
     * appended, else the last write's.
     */
    private static String lengthForm(LengthHeader h, long answers, boolean appended) {
        if (h.samples.size() != answers) {
            return null; // missing from an answer, or more answers than kept
        }
        Set<String> forms = null;
        for (LengthSample sample : h.samples) {
            long length = appended ? sample.appended() : sample.last();
            if (length >= 2) {
                Set<String> found = new java.util.LinkedHashSet<>();
                for (String form : java.util.Arrays.asList(numbered(sample.value(), length - 1,
                        "{{content.lastByte}}"), numbered(sample.value(), length, "{{content.length}}"))) {
                    if (form != null) {
                        found.add(form);
                    }
                }
                if (forms == null) {
                    forms = found;
                } else {
                    forms.retainAll(found);
                }
            }
        }
        if (forms == null) {
            return null;
        }
        for (String form : forms) {
            boolean all = true;
            for (LengthSample sample : h.samples) {
                long length = appended ? sample.appended() : sample.last();
                all &= form.replace("{{content.lastByte}}", Long.toString(Math.max(0, length - 1)))
                        .replace("{{content.length}}", Long.toString(length)).equals(sample.value());
            }
            if (all) {
                return form;
            }
        }
        return null;
    }

    /**
     * {@code value} with its one whole number equal to {@code number} replaced by {@code variable}, when the rest
     * is a range's text ({@code 0-}, {@code bytes=}); null otherwise.
     */
    private static String numbered(String value, long number, String variable) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(value);
        String text = Long.toString(number);
        String form = null;
        while (m.find()) {
            if (m.group().equals(text)) {
                if (form != null) {
                    return null; // twice: which one counts is not known
                }
                form = value.substring(0, m.start()) + variable + value.substring(m.end());
            }
        }
        return form != null && RANGE_TEXT.matcher(form.replace(variable, "")).matches() ? form : null;
    }

    /** Write answers' headers counting the bytes the row holds, into {@code <action>.headers}, with the evidence. */
    @SuppressWarnings("unchecked")
    private void lengthHeaders(Map<String, Resource> byItem) {
        for (LengthHeader h : lengthHeaders.values()) {
            Resource resource = byItem.get(h.template);
            Action action = h.method.equals("PATCH") ? Action.PATCH : h.method.equals("PUT") ? Action.UPDATE : null;
            if (resource == null || action == null || !resource.actions.containsKey(action)
                    || resource.content == null) {
                continue;
            }
            boolean appended = resource.content.append;
            long answers = lengthWrites.getOrDefault(h.template + " " + h.method, 0L);
            String form = lengthForm(h, answers, appended);
            if (form == null) {
                continue;
            }
            (action == Action.PATCH ? resource.patchRule().headers : resource.updateRule().headers).put(h.name, form);
            resource.evidence.add(action.yamlName() + ": every answer (" + answers + ") gave " + h.name + " as "
                    + form
                    + " over the bytes the row held after the write (" + (appended ? "its chunks appended" : "the "
                    + "last write's") + "): the twin counts the bytes it holds (" + action.yamlName() + ".headers)"
                    + (answers < 2 ? "; one answer only, low confidence" : ""));
        }
    }

    /** A PUT refused (4xx): a digest it named that the bytes its row would hold do not have is a checksum refusal. */
    private void refused(String template, String id, RecordedRequest request, RecordedResponse response) {
        if (request.rawQuery() == null || request.rawQuery().isEmpty()) {
            return;
        }
        Kept kept = rows.getOrDefault(template + " " + id, Kept.NONE).with(raw(request.headers(), request.body()));
        UrlEncoded.parse(request.rawQuery()).forEach(pair -> {
            Checks c = checks.get(template + " " + pair.name());
            if (c == null || c.form == null || pair.value().isEmpty()) {
                return;
            }
            boolean sameShape = pair.value().startsWith(c.form.substring(0, c.form.indexOf("{{")))
                    && pair.value().endsWith(c.form.substring(c.form.indexOf("}}") + 2));
            if (sameShape && !c.form.equals(digestForm(pair.value(), kept))) {
                c.refused++;
                c.status = response.status();
                if (c.body == null) {
                    c.body = BodyReader.json(response.body());
                }
            }
        });
    }

    /** The value's form with the digest of the kept bytes (either way) in it, or null when it holds neither. */
    private static String digestForm(String value, Kept kept) {
        for (Map<String, String> hexes : List.of(kept.appended(), kept.last())) {
            for (String algorithm : ALGORITHMS) {
                String hex = hexes.get(algorithm);
                int at = value.indexOf(hex);
                if (at >= 0) {
                    return value.substring(0, at) + "{{" + algorithm + "}}" + value.substring(at + hex.length());
                }
            }
        }
        return null;
    }

    private void read(String resource, String id, RecordedResponse response) {
        aliasRead(resource, id);
        Reads seen = reads.computeIfAbsent(resource, r -> new Reads());
        byte[] bytes = raw(response.headers(), response.body());
        if (bytes.length == 0 && echoed(resource, response.body())) {
            bytes = response.body().bytes(); // the very bytes a PUT here sent (JSON kept as written, not laid out)
        }
        if (bytes.length == 0) {
            seen.other++;
            return;
        }
        seen.bytes++;
        seen.mediaTypes.add(mediaType(response.headers()));
        Map<String, String> digests = digestForms(response.headers(), bytes);
        if (seen.digests == null) {
            seen.digests = digests;
        } else {
            seen.digests.entrySet().removeIf(e -> !e.getValue().equals(digests.get(e.getKey())));
        }
        Sent by = sent.get(id);
        if (by == null || by.source() == resource) {
            return;
        }
        Votes v = votes.computeIfAbsent(by.source() + " " + by.param() + " " + resource,
                k -> new Votes(by.source(), by.param(), resource));
        v.reads++;
        Map<String, String> read = hexes(bytes);
        if (by.kept().isAppended(read)) {
            v.appended++;
        }
        if (by.kept().isLast(read)) {
            v.last++;
        }
    }

    /**
     * Item paths whose reads answered only bytes, each the bytes a PUT elsewhere had stored under the value it
     * sent: resources even without a JSON answer, since their rows are made by that PUT.
     */
    public Set<String> linkedTargets() {
        Set<String> out = new TreeSet<>();
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
        Map<String, Resource> byItem = new HashMap<>();
        resources.forEach(r -> byItem.put(r.itemPath(), r));
        reads.forEach((path, seen) -> {
            Resource resource = byItem.get(path);
            // JSON kept as written only where no PATCH merges fields into it
            if (resource != null && resource.actions.containsKey(Action.GET) && onlyBytes(seen)
                    && !(seen.mediaTypes.iterator().next().contains("json") && resource.actions.containsKey(Action.PATCH))) {
                String type = seen.mediaTypes.iterator().next();
                WriteRules.Content content = new WriteRules.Content();
                content.mediaType = type;
                resource.evidence.add("content: every read of a row (" + seen.bytes + ") answered bytes as " + type
                        + ": rows keep the bytes clients write, and a read answers them (content.mediaType)");
                if (seen.digests != null && !seen.digests.isEmpty()) {
                    content.headers.putAll(seen.digests);
                    resource.evidence.add("content: every read answered a digest of its bytes in the headers "
                            + seen.digests + ": the twin computes them over the bytes it answers (content.headers)");
                }
                resource.content = content;
            }
        });
        for (Votes v : votes.values()) {
            Resource source = byItem.get(v.source);
            Resource target = byItem.get(v.target);
            if (!linked(v) || source == null || target == null || target.content == null
                    || !source.actions.containsKey(Action.UPDATE)) {
                continue;
            }
            boolean append = v.appended == v.reads && v.last < v.reads;
            source.contentRule().append |= append;
            source.updateRule().copyTo = new dev.twin.replayer.config.CopyTo(target.table(), v.param);
            source.evidence.add("update: " + v.reads + " read(s) of " + target.table() + " found a row under "
                    + "the value a PUT here had sent as '" + v.param + "', answering the bytes that PUT's row held"
                    + (append ? " (its chunks appended, not the last alone)" : "") + ": a PUT also stores the row "
                    + "in " + target.table() + " under that value (update.copyTo), and rows keep their bytes "
                    + "(content" + (append ? ".append" : "") + ")");
        }
        checksums(checks, byItem);
        aliases(byItem);
        lengthHeaders(byItem);
    }

    /**
     * The headers holding a hex digest of the bytes ({@code sha256:<hex>}, {@code "<hex>"}), each as its form with
     * the digest's placeholder ({@code sha256:{{sha256}}}).
     */
    private static Map<String, String> digestForms(List<Header> headers, byte[] bytes) {
        Map<String, String> forms = new TreeMap<>();
        List<String> hexes = new ArrayList<>();
        for (String algorithm : ALGORITHMS) {
            hexes.add(hex(algorithm, bytes));
        }
        for (Header header : headers) {
            if (NOT_DIGESTS.contains(header.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int i = 0; i < ALGORITHMS.size(); i++) {
                int at = header.value().toLowerCase(Locale.ROOT).indexOf(hexes.get(i));
                if (at >= 0 && !header.value().contains("{{")) {
                    forms.put(header.name(), header.value().substring(0, at) + "{{" + ALGORITHMS.get(i) + "}}"
                            + header.value().substring(at + hexes.get(i).length()));
                    break;
                }
            }
        }
        return forms;
    }

    private static String hex(String algorithm, byte[] bytes) {
        return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
    }

    /** The hex digests of the bytes, by algorithm name ({@code sha256}, {@code sha1}, {@code md5}). */
    private static Map<String, String> hexes(byte[] bytes) {
        Map<String, String> out = new TreeMap<>();
        for (String algorithm : ALGORITHMS) {
            out.put(algorithm, hex(algorithm, bytes));
        }
        return out;
    }

    private static MessageDigest digest(String algorithm) {
        String name = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha1" -> "SHA-1";
            default -> "MD5";
        };
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + digest.getAlgorithm() + " can be copied", e);
        }
    }

    /** An answer byte for byte a body some PUT to this item path sent. */
    private boolean echoed(String template, Body body) {
        return !body.isEmpty() && !body.truncated()
                && template.equals(putDigests.get(hex("sha256", body.bytes())));
    }

    /** A read whose id holds the digest of a body PUT under the same item path: the row read under its digest. */
    private void aliasRead(String template, String id) {
        if (putDigests.isEmpty()) {
            return;
        }
        for (String algorithm : ALGORITHMS) {
            int length = algorithm.equals("sha256") ? 64 : algorithm.equals("sha1") ? 40 : 32;
            for (int at = 0; at + length <= id.length(); at++) {
                String candidate = id.substring(at, at + length);
                if (template.equals(putDigests.get(candidate))) {
                    String form = id.substring(0, at) + "{{" + algorithm + "}}" + id.substring(at + length);
                    if (aliasForms.containsKey(template) && !form.equals(aliasForms.get(template))) {
                        aliasForms.put(template, null);
                    } else {
                        aliasForms.put(template, form);
                    }
                    aliasReads.merge(template, 1L, Long::sum);
                    return;
                }
            }
        }
    }

    /** {@code update.alias} where every read under a digest id found the row PUT with that body, in one form. */
    @SuppressWarnings("unchecked")
    private void aliases(Map<String, Resource> byItem) {
        aliasForms.forEach((template, form) -> {
            Resource resource = byItem.get(template);
            if (form == null || resource == null || !resource.actions.containsKey(Action.UPDATE)) {
                return;
            }
            resource.updateRule().alias = form;
            resource.evidence.add("update: " + aliasReads.get(template) + " read(s) found a row under the digest of "
                    + "the body a PUT had sent (" + form + "), not under an id any write named: a PUT also stores "
                    + "the row under that digest (update.alias)");
        });
    }

    /** {@code update.checksum} where every accepted PUT named the digest right and some wrong one was refused. */
    @SuppressWarnings("unchecked")
    private static void checksums(Map<String, Checks> checks, Map<String, Resource> byItem) {
        for (Checks c : checks.values()) {
            Resource resource = byItem.get(c.template);
            if (c.broken || c.form == null || c.refused == 0 || resource == null
                    || !resource.actions.containsKey(Action.UPDATE)) {
                continue;
            }
            resource.contentRule();
            resource.updateRule().checksum = new WriteRules.Checksum(c.param, c.form, c.status, c.body);
            resource.evidence.add("update: every accepted PUT (" + c.accepted + ") named in '" + c.param + "' the "
                    + "digest of the bytes its row held (" + c.form + "), and " + c.refused + " naming another was "
                    + "refused " + c.status + ": the twin checks it (update.checksum)");
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

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ROWS;
            }
        };
    }
}
