package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.recorder.Header;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a GET operation's successful answers tell about listing, beyond the body's shape: headers carrying the
 * total ({@code X-Total-Count}) or the neighbouring pages ({@code Link}), the order rows come in when the client
 * asks for none, envelope numbers echoing a query parameter ({@code limit: 10} for {@code $limit=10}), and row
 * fields holding a parent path parameter ({@code postId} under {@code /posts/{post}/comments}).
 */
public final class ListEvidence {
    private static final int MAX_FIELDS = 64;

    private long answers;
    private final TreeMap<String, Long> totalHeaders = new TreeMap<>();
    private long linkAnswers;
    private long pagedRequests;
    /** Integer item field → {ascending pairs, descending pairs} in answers to requests that did not sort. */
    private final TreeMap<String, long[]> order = new TreeMap<>();
    /** The same for text item fields (names, keys), compared as strings. */
    private final TreeMap<String, long[]> textOrder = new TreeMap<>();
    /** "param field" → the same votes in answers to requests that sent {@code param=true} for a direction. */
    private final TreeMap<String, long[]> textOrderReversed = new TreeMap<>();
    /** "field param" → answers whose top-level integer field equalled that query parameter's value. */
    private final TreeMap<String, Long> queryEchoes = new TreeMap<>();
    /** Path parameter → item field → items whose field held the parameter's value. */
    private final TreeMap<String, TreeMap<String, Long>> parentEchoes = new TreeMap<>();
    private long items;
    private int largestUnpagedAnswer;
    /** Top-level integer envelope fields of answers to requests that did not page: field → the last value. */
    private final TreeMap<String, Long> unpagedNumbers = new TreeMap<>();
    /** Top-level integer envelope fields that held a number larger than the rows their answer listed. */
    private final java.util.TreeSet<String> aboveRows = new java.util.TreeSet<>();
    /**
     * Answers where the envelope number {@code pages} was {@code total} over the integer the query parameter sent,
     * rounded up, and how many of those held two pages or more; a miss counts far below zero.
     */
    private final Map<PageCount, long[]> pageCounts = new java.util.LinkedHashMap<>();

    /**
     * "field param" → the envelope number an answer held where the request asked for more in that parameter (and it
     * listed fewer rows than the number, so it counts no rows): the server capped the limit; the smallest such number.
     */
    private final TreeMap<String, Long> caps = new TreeMap<>();

    /** Envelope fields that held a URL: field → (the query asked, the URL) samples, a few per field. */
    private final TreeMap<String, List<LinkSample>> links = new TreeMap<>();
    /** Envelope fields that held anything but a URL or null. */
    private final java.util.TreeSet<String> notLinks = new java.util.TreeSet<>();

    /** A URL an envelope field held, beside the query of the request answered. */
    private record LinkSample(Map<String, String> query, java.net.URI url) {
    }

    /** An envelope number that may count the pages {@code total} rows fill at the limit {@code param} asked for. */
    private record PageCount(String pages, String total, String param) {
    }

    void accept(JsonNode body, List<Header> headers, Map<String, String> query, Map<String, String> pathParams) {
        answers++;
        boolean paged = false;
        for (String name : query.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            paged |= lower.contains("limit") || lower.contains("page") || lower.contains("skip")
                    || lower.contains("offset") || lower.contains("start") || lower.contains("size");
        }
        if (paged) {
            pagedRequests++;
        }
        for (Header header : headers) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (lower.equals("link")) {
                linkAnswers++;
            } else if ((lower.contains("total") || lower.contains("count")) && header.value().trim().matches("\\d{1,12}")) {
                totalHeaders.merge(header.name(), 1L, Long::sum);
            }
        }
        JsonNode rows = body.isArray() ? body : largestArray(body);
        int rowCount = rows == null ? 0 : rows.size();
        if (body.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isIntegralNumber() && !paged && (unpagedNumbers.containsKey(field.getKey())
                        || unpagedNumbers.size() < MAX_FIELDS)) {
                    unpagedNumbers.put(field.getKey(), field.getValue().asLong());
                }
                if (field.getValue().isIntegralNumber()) {
                    query.forEach((param, value) -> {
                        if (value.equals(field.getValue().asText()) && queryEchoes.size() < MAX_FIELDS) {
                            queryEchoes.merge(field.getKey() + " " + param, 1L, Long::sum);
                        } else if (value.matches("\\d{1,9}") && isCap(field.getValue().asLong(), value, rowCount)
                                && caps.size() < MAX_FIELDS) {
                            caps.merge(field.getKey() + " " + param, field.getValue().asLong(), Math::min);
                        }
                    });
                }
            }
        }
        if (body.isObject()) {
            noteLinks(body, query);
        }
        if (rows == null) {
            return;
        }
        if (body.isObject()) {
            notePageCounts(body, query);
        }
        // a full page (as many rows as a parameter asked for) beside a larger number: the API held more rows
        String listed = Integer.toString(rows.size());
        if (body.isObject() && !rows.isEmpty() && query.containsValue(listed)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isIntegralNumber() && field.getValue().asLong() > rows.size()
                        && aboveRows.size() < MAX_FIELDS) {
                    aboveRows.add(field.getKey());
                }
            }
        }
        if (!paged) {
            largestUnpagedAnswer = Math.max(largestUnpagedAnswer, rows.size());
        }
        // a request that chose an order (sort=, order=, CouchDB's descending=true, reverse=, direction=) shows
        // nothing of the default one
        boolean sorted = query.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(n -> n.contains("sort")
                || n.contains("order") || n.contains("desc") || n.contains("reverse") || n.contains("direction"));
        String reverser = query.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase("true")
                && e.getKey().toLowerCase(Locale.ROOT).contains("desc")).map(Map.Entry::getKey).findFirst().orElse(null);
        JsonNode previous = null;
        for (JsonNode item : rows) {
            if (!item.isObject()) {
                return;
            }
            items++;
            pathParams.forEach((param, value) -> {
                TreeMap<String, Long> fields = parentEchoes.computeIfAbsent(param, p -> new TreeMap<>());
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode v = field.getValue();
                    if (v.isValueNode() && !v.isNull() && v.asText().equals(value)
                            && (fields.containsKey(field.getKey()) || fields.size() < MAX_FIELDS)) {
                        fields.merge(field.getKey(), 1L, Long::sum);
                    }
                }
            });
            if (!sorted && previous != null) {
                notePair(previous, item);
            } else if (reverser != null && previous != null) {
                noteReversedPair(reverser, previous, item);
            }
            previous = item;
        }
    }

    private void noteLinks(JsonNode body, Map<String, String> query) {
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                return;
            }
            java.net.URI url = value.isTextual() && value.textValue().startsWith("http") ? uri(value.textValue()) : null;
            if (url == null) {
                notLinks.add(field.getKey());
                return;
            }
            List<LinkSample> samples = links.computeIfAbsent(field.getKey(), k -> new java.util.ArrayList<>());
            if (samples.size() < 16 && links.size() < MAX_FIELDS) {
                samples.add(new LinkSample(Map.copyOf(query), url));
            }
        });
    }

    private static java.net.URI uri(String text) {
        try {
            return new java.net.URI(text);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * The envelope field that held, whenever not null, the URL of the page {@code step} pages away (+1 the next, -1
     * the previous): the offset parameter moved by the limit asked for (absent when that is 0), or the page parameter
     * by one (absent on page 1); null when none did so in every sample.
     */
    public String pageLink(int step, String limitParam, String offsetParam, String pageParam) {
        for (Map.Entry<String, List<LinkSample>> field : links.entrySet()) {
            if (notLinks.contains(field.getKey()) || field.getValue().isEmpty()) {
                continue;
            }
            boolean all = true;
            for (LinkSample sample : field.getValue()) {
                all &= movesPage(sample, step, limitParam, offsetParam, pageParam);
            }
            if (all) {
                return field.getKey();
            }
        }
        return null;
    }

    private static boolean movesPage(LinkSample sample, int step, String limitParam, String offsetParam,
                                     String pageParam) {
        Map<String, String> linked = queryOf(sample.url().getRawQuery());
        if (pageParam != null && sample.query().containsKey(pageParam)) {
            long page = number(sample.query().get(pageParam), 1) + step;
            return page == 1 ? !linked.containsKey(pageParam) : String.valueOf(page).equals(linked.get(pageParam));
        }
        if (offsetParam == null || limitParam == null || number(linked.get(limitParam), -1) <= 0) {
            return false;
        }
        long limit = number(linked.get(limitParam), -1);
        long offset = Math.max(0, number(sample.query().get(offsetParam), 0) + step * limit);
        return offset == 0 ? !linked.containsKey(offsetParam) : String.valueOf(offset).equals(linked.get(offsetParam));
    }

    /** A link's query parameters, the first value of each (lenient: a malformed escape is kept as written). */
    private static Map<String, String> queryOf(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        for (FormPair pair : UrlEncoded.parse(raw)) {
            out.putIfAbsent(pair.name(), pair.value());
        }
        return out;
    }

    private static long number(String text, long fallback) {
        return text != null && text.matches("\\d{1,9}") ? Long.parseLong(text) : fallback;
    }

    /** A number below the one asked for that counts no rows of the answer (more than it listed): a cap. */
    private static boolean isCap(long number, String asked, int listed) {
        return number > 0 && number < Long.parseLong(asked) && listed < number;
    }

    /** For each pair of envelope integers and integer parameter: whether one was the other over it, rounded up. */
    private void notePageCounts(JsonNode body, Map<String, String> query) {
        Map<String, Long> numbers = new TreeMap<>();
        body.fields().forEachRemaining(field -> {
            if (field.getValue().isIntegralNumber() && field.getValue().asLong() >= 0) {
                numbers.put(field.getKey(), field.getValue().asLong());
            }
        });
        query.forEach((param, value) -> {
            if (!value.matches("[1-9]\\d{0,8}")) {
                return;
            }
            long per = Long.parseLong(value);
            numbers.forEach((pages, count) -> numbers.forEach((total, rows) -> {
                PageCount key = new PageCount(pages, total, param);
                if (pages.equals(total) || !pageCounts.containsKey(key) && pageCounts.size() >= MAX_FIELDS * 4) {
                    return;
                }
                long[] seen = pageCounts.computeIfAbsent(key, k -> new long[2]);
                boolean held = count == (rows + per - 1) / per;
                seen[0] += held ? 1 : -1_000_000;
                seen[1] += held && count >= 2 ? 1 : 0;
            }));
        });
    }

    /**
     * The envelope number that was, in every answer to a request sending {@code limitParam}, the number in
     * {@code totalField} over the limit, rounded up, and two pages or more at least once (RabbitMQ's
     * {@code page_count}, Laravel's {@code last_page}); null when none was, or more than one.
     *
     * @param taken fields already read otherwise (the echoes of the paging parameters, the page's count of rows)
     */
    public String pageCountField(String totalField, String limitParam, java.util.Set<String> taken) {
        if (totalField == null || limitParam == null) {
            return null;
        }
        List<String> found = pageCounts.entrySet().stream()
                .filter(e -> e.getKey().total().equals(totalField) && e.getKey().param().equals(limitParam)
                        && e.getValue()[0] > 0 && e.getValue()[1] > 0)
                .map(e -> e.getKey().pages()).filter(name -> !taken.contains(name)).toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    private void noteReversedPair(String param, JsonNode before, JsonNode after) {
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode earlier = before.get(field.getKey());
            String key = param + " " + field.getKey();
            if (field.getValue().isTextual() && earlier != null && earlier.isTextual()
                    && (textOrderReversed.containsKey(key) || textOrderReversed.size() < MAX_FIELDS)) {
                vote(textOrderReversed, key, earlier.textValue().compareTo(field.getValue().textValue()));
            }
        }
    }

    /**
     * The query parameter that, sent as {@code true}, listed rows in descending text order of this field (CouchDB's
     * {@code descending=true}), or null.
     */
    public String descendingParam(String field) {
        String suffix = " " + field;
        return textOrderReversed.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix) && Boolean.FALSE.equals(direction(e.getValue())))
                .map(e -> e.getKey().substring(0, e.getKey().length() - suffix.length())).findFirst().orElse(null);
    }

    private void notePair(JsonNode before, JsonNode after) {
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode earlier = before.get(field.getKey());
            if (field.getValue().isIntegralNumber() && earlier != null && earlier.isIntegralNumber()
                    && (order.containsKey(field.getKey()) || order.size() < MAX_FIELDS)) {
                vote(order, field.getKey(), Long.compare(earlier.asLong(), field.getValue().asLong()));
            } else if (field.getValue().isTextual() && earlier != null && earlier.isTextual()
                    && (textOrder.containsKey(field.getKey()) || textOrder.size() < MAX_FIELDS)) {
                vote(textOrder, field.getKey(), earlier.textValue().compareTo(field.getValue().textValue()));
            }
        }
    }

    private static JsonNode largestArray(JsonNode body) {
        JsonNode best = null;
        for (JsonNode value : body) {
            if (value.isArray() && (best == null || value.size() > best.size())) {
                best = value;
            }
        }
        return best;
    }

    /**
     * Whether, in an answer that listed a full page (as many rows as a query parameter asked for), an envelope number
     * other than {@code field} and the paging echoes was larger than the rows listed: the API held more rows than
     * the page showed ({@code filtered_count: 8} beside the 3 items {@code page_size=3} asked for).
     */
    public boolean moreRowsThanListed(String field, java.util.Set<String> echoes) {
        return aboveRows.stream().anyMatch(name -> !name.equals(field) && !echoes.contains(name));
    }

    /** The envelope numbers, but those taken, that held more than the rows of a full page listed. */
    public List<String> largerThanListed(java.util.Set<String> taken) {
        return aboveRows.stream().filter(name -> !taken.contains(name)).toList();
    }

    public long answers() {
        return answers;
    }

    /** The header that carried an integer total in every answer to a paged request, or null. */
    public String totalHeader() {
        return totalHeaders.entrySet().stream().filter(e -> e.getValue() >= Math.max(1, pagedRequests))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    public boolean linkHeader() {
        return linkAnswers > 0;
    }

    public long pagedRequests() {
        return pagedRequests;
    }

    /**
     * Whether rows came oldest first by this integer field (true), newest first (false), or no evidence (null):
     * every consecutive pair of rows must agree.
     */
    public Boolean ascendingBy(String field) {
        return direction(order.get(field));
    }

    /**
     * As {@link #ascendingBy}, for a text field compared as strings ({@code name}, a chosen key); two listed rows in
     * order are a coin toss, so it takes at least two pairs.
     */
    public Boolean ascendingByText(String field) {
        long[] votes = textOrder.get(field);
        return votes == null || votes[0] + votes[1] < 2 ? null : direction(votes);
    }

    private static void vote(TreeMap<String, long[]> votes, String field, int cmp) {
        long[] pair = votes.computeIfAbsent(field, k -> new long[2]);
        if (cmp < 0) {
            pair[0]++;
        } else if (cmp > 0) {
            pair[1]++;
        }
    }

    private static Boolean direction(long[] votes) {
        if (votes == null || votes[0] + votes[1] == 0 || (votes[0] > 0 && votes[1] > 0)) {
            return null;
        }
        return votes[0] > 0;
    }

    /**
     * The largest limit the server served, when the envelope number echoing {@code param} once held less than was
     * asked for and the answer listed fewer rows than it (Feathers' {@code $limit=100} answered {@code limit: 50}):
     * the cap; null when no answer showed one.
     */
    public Long cappedLimit(String field, String param) {
        return param == null ? null : caps.get(field + " " + param);
    }

    /** The query parameter whose value this top-level envelope field always echoed, or null. */
    public String echoedParam(String field) {
        String prefix = field + " ";
        return queryEchoes.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .max(Map.Entry.comparingByValue()).map(e -> e.getKey().substring(prefix.length())).orElse(null);
    }

    /** The item field that held the path parameter's value in every row listed under it, or null. */
    public String fieldHolding(String pathParam) {
        TreeMap<String, Long> fields = parentEchoes.get(pathParam);
        if (fields == null || items == 0) {
            return null;
        }
        // an id of 1 under /posts/1 can hold the value by chance; a name that says it is a reference wins
        List<String> holding = fields.entrySet().stream().filter(e -> e.getValue() == items).map(Map.Entry::getKey)
                .toList();
        return holding.stream().filter(f -> !f.equals("id") && f.toLowerCase(Locale.ROOT).endsWith("id"))
                .findFirst().orElse(holding.stream().filter(f -> !f.equals("id")).findFirst()
                        .orElse(holding.isEmpty() ? null : holding.get(0)));
    }

    /** The value an envelope number had when the client did not page ({@code limit: 10}), or null. */
    public Long unpagedNumber(String field) {
        return unpagedNumbers.get(field);
    }

    public long items() {
        return items;
    }

    public int largestUnpagedAnswer() {
        return largestUnpagedAnswer;
    }
}
