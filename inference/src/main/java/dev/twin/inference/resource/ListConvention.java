package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.inference.operation.ListEvidence;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.schema.ShapeAggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a list operation's envelope: where the rows are, the constant fields, cursor or page paging. */
final class ListConvention {
    private static final Map<String, String> PAGE_FIELDS = pageFields();
    private static final Set<String> CURSOR_FIELDS = Set.of("has_more", "total_count");
    /** No cap was seen: a large limit the server took must not be refused by the twin. */
    private static final int NO_CAP = 100_000;

    private ListConvention() {
    }

    /** The `list:` convention, or null when the list answers are neither a bare array nor an object holding one. */
    static ListRule detect(OperationStats list, Resource resource) {
        ResponseStats ok = list.responses().get(list.mainSuccessStatus());
        if (ok != null && ok.hasJson() && ok.body().isArray()) {
            return bareArray(list, resource);
        }
        if (ok == null || !ok.hasJson() || !ok.body().isObject()) {
            resource.evidence.add("list: " + list.method() + " " + list.path().template()
                    + " does not answer a JSON array or object envelope; left unbound (answered from the spec)");
            return null;
        }
        ShapeAggregate envelope = ok.body();
        String dataField = null;
        long best = -1;
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            if (p.getValue().isArray() && p.getValue().samples() > best) {
                dataField = p.getKey();
                best = p.getValue().samples();
            }
        }
        if (dataField == null) {
            resource.evidence.add("list: no array field in the list envelope; left unbound");
            return null;
        }
        QueryParams params = QueryParams.of(list);
        if (params.offsetStyle() || envelopeEchoesPaging(list, envelope)) {
            return offsetEnvelope(list, resource, ok, envelope, dataField, params);
        }
        boolean page = envelope.properties().containsKey("next_page_uri")
                || envelope.properties().containsKey("page_size");
        // no paging field and no echoed url seen: the API answers every row at once (WireMock)
        boolean unpaged = !page && !envelope.properties().containsKey("has_more")
                && list.echoesOfPath().isEmpty();
        ListRule.Style style = page ? ListRule.Style.PAGE : unpaged ? ListRule.Style.NONE : ListRule.Style.CURSOR;
        String totalField = totalField(ok, dataField);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            String name = p.getKey();
            if (name.equals(dataField) || (page && PAGE_FIELDS.containsValue(name))
                    || (!page && CURSOR_FIELDS.contains(name))
                    || (totalField != null && name.equals(totalField.split("\\.")[0]))) {
                continue;
            }
            long echoes = list.echoesOfPath().getOrDefault(name, 0L);
            JsonNode constant = p.getValue().constant();
            if (echoes > 0 && echoes == list.successObjects()) {
                extra.put(name, TextNode.valueOf("{{request.path}}"));
            } else if (constant != null && envelope.alwaysPresent(name)) {
                extra.put(name, constant);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        ListRule.Paging paging = ListRule.Paging.NONE;
        if (page) {
            PAGE_FIELDS.forEach((internal, name) ->
                    fields.put(internal, envelope.properties().containsKey(name) ? name : null));
            ShapeAggregate query = list.query();
            String pageParam = query.properties().containsKey("page") ? "page" : null;
            String pageSizeParam = query.properties().containsKey("page_size") ? "page_size" : null;
            paging = new ListRule.Paging(new QueryParams(null, null, pageParam, null, null), pageSizeParam,
                    null, null, null, null, null);
        }
        resource.evidence.add("list: " + style.yamlName() + " style, rows under '" + dataField + "' ("
                + ok.count() + " list answer" + (ok.count() == 1 ? "" : "s") + "; envelope fields "
                + envelope.properties().keySet() + (totalField == null ? "" : "; '" + totalField
                + "' always equalled the number of rows") + ")");
        return new ListRule(style, dataField, paging, new ListRule.Counts(totalField, null, null, null, false,
                totalField == null), fields, extra, null);
    }

    /**
     * The number that equalled the row count in every list answer ({@code total_count}, {@code meta.total}); a
     * name with total or count wins over others; page style's own fields (page 0 with no rows) do not count.
     */
    private static String totalField(ResponseStats ok, String dataField) {
        return totalField(ok, dataField, Set.of());
    }

    /** The same, leaving out the fields that echo a paging parameter. */
    private static String totalField(ResponseStats ok, String dataField, Set<String> echoes) {
        String chosen = null;
        for (String path : ok.countPathsOf(dataField)) {
            if (PAGE_FIELDS.containsValue(path) || echoes.contains(path)) {
                continue;
            }
            boolean named = path.contains("total") || path.contains("count");
            if (chosen == null || (named && !(chosen.contains("total") || chosen.contains("count")))) {
                chosen = path;
            }
        }
        return chosen;
    }

    static ShapeAggregate rows(OperationStats list, String dataField) {
        ResponseStats ok = list.responses().get(list.mainSuccessStatus());
        if (ok == null) {
            return null;
        }
        if (dataField == null) {
            return ok.body().isArray() ? ok.body().items() : null;
        }
        ShapeAggregate data = ok.body().properties().get(dataField);
        return data == null ? null : data.items();
    }

    /** Rows as the whole body: every row at once, or offset paging when the client paged or headers say so. */
    private static ListRule bareArray(OperationStats list, Resource resource) {
        QueryParams params = QueryParams.of(list);
        ListEvidence evidence = list.listEvidence();
        boolean offset = params.offsetStyle() || params.limit() != null || evidence.totalHeader() != null
                || evidence.linkHeader();
        resource.evidence.add("list: rows are the whole body (a bare array), " + (offset ? "offset paging by "
                + params.describe() + (evidence.totalHeader() == null ? "" : ", total in " + evidence.totalHeader())
                + (evidence.linkHeader() ? ", Link header" : "") + "; every row when the client does not page"
                : "every row in one answer (no paging parameter or header seen)"));
        if (!offset) {
            return new ListRule(ListRule.Style.NONE, null, ListRule.Paging.NONE, ListRule.Counts.NONE, Map.of(),
                    Map.of(), null);
        }
        ListRule.Paging paging = new ListRule.Paging(params, null, 0, NO_CAP, null, null, null);
        return new ListRule(ListRule.Style.OFFSET, null, paging, new ListRule.Counts(null, null, null,
                evidence.totalHeader(), evidence.linkHeader(), false), Map.of(), Map.of(), null);
    }

    /** {@code {total, limit, skip, data}}: an envelope whose numbers echo the paging parameters. */
    private static ListRule offsetEnvelope(OperationStats list, Resource resource, ResponseStats ok,
                                           ShapeAggregate envelope, String dataField, QueryParams params) {
        ListEvidence evidence = list.listEvidence();
        String limitField = null;
        String offsetField = null;
        String pageField = null;
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            // a field named as the parameter it echoes wins over one that held the same number by chance (a
            // full page's count of rows equals the limit asked for)
            String echoed = evidence.echoedParam(p.getKey());
            if (echoed != null && echoed.equals(params.limit())) {
                limitField = echoNamed(limitField, p.getKey(), echoed);
            } else if (echoed != null && (echoed.equals(params.offset()))) {
                offsetField = echoNamed(offsetField, p.getKey(), echoed);
            } else if (echoed != null && echoed.equals(params.page())) {
                // RabbitMQ's page: the page asked for, not the constant 1 of one sample
                pageField = echoNamed(pageField, p.getKey(), echoed);
            }
        }
        int defaultLimit = 0;
        if (limitField != null) {
            Long unpaged = evidence.unpagedNumber(limitField);
            defaultLimit = unpaged == null ? 10 : unpaged.intValue();
        }
        Set<String> echoes = new java.util.HashSet<>(java.util.Arrays.asList(limitField, offsetField, pageField));
        String totalField = totalField(ok, dataField, echoes);
        String itemCountField = null;
        if (totalField != null && !totalField.contains(".") && evidence.moreRowsThanListed(totalField, echoes)) {
            // it equalled the rows listed in every answer, though another number showed the API held more: it
            // counts the page's rows (RabbitMQ's item_count beside filtered_count), it is no total
            itemCountField = totalField;
            totalField = null;
        }
        Set<String> taken = new java.util.HashSet<>(echoes);
        taken.add(itemCountField);
        if (totalField == null) {
            // the one number that showed more rows than a full page held is the total (beside a count of the page's
            // rows, or alone, as Django REST framework's count); else a number named as one
            List<String> larger = evidence.largerThanListed(taken).stream()
                    .filter(name -> envelope.properties().get(name) != null
                            && envelope.properties().get(name).onlyIntegers()).toList();
            totalField = larger.size() == 1 ? larger.get(0) : envelope.properties().keySet().stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).contains("total") && !taken.contains(name)
                            && envelope.properties().get(name).onlyIntegers())
                    .findFirst().orElse(null);
        }
        String pageCountField = evidence.pageCountField(totalField, params.limit(), taken);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ShapeAggregate> p : envelope.properties().entrySet()) {
            String name = p.getKey();
            JsonNode constant = p.getValue().constant();
            if (!name.equals(dataField) && !name.equals(limitField) && !name.equals(offsetField)
                    && !name.equals(pageField) && !name.equals(totalField) && !name.equals(itemCountField)
                    && !name.equals(pageCountField) && constant != null
                    && envelope.alwaysPresent(name)) {
                extra.put(name, constant);
            }
        }
        List<String> numbers = extra.entrySet().stream().filter(e -> e.getValue().isIntegralNumber())
                .map(Map.Entry::getKey).toList();
        if (!numbers.isEmpty()) {
            resource.evidence.add("list envelope: " + numbers + " kept as the constants " + ok.count()
                    + " list answer" + (ok.count() == 1 ? "" : "s") + " showed; if they are counts of rows or "
                    + "pages, the twin does not follow them (thin evidence: check by hand)");
        }
        resource.evidence.add("list: offset paging by " + params.describe() + ", rows under '" + dataField + "'"
                + (limitField == null ? "" : ", '" + limitField + "' echoes the limit")
                + (offsetField == null ? "" : ", '" + offsetField + "' the offset")
                + (pageField == null ? "" : ", '" + pageField + "' the page")
                + (totalField == null ? "" : ", '" + totalField + "' the total")
                + (itemCountField == null ? "" : ", '" + itemCountField + "' the rows on the page (it equalled the "
                + "rows listed while another number showed more rows than the page held)")
                + (pageCountField == null ? "" : ", '" + pageCountField + "' the pages (in every answer the total "
                + "over the limit asked for, rounded up, and two or more at least once)"));
        Long cap = limitField == null ? null : evidence.cappedLimit(limitField, params.limit());
        if (cap != null) {
            resource.evidence.add("list: a limit asked above " + cap + " was answered with " + cap + " rows at most, "
                    + "'" + limitField + "' echoing " + cap + ": the twin serves larger limits as " + cap);
        }
        String nextField = evidence.pageLink(1, params.limit(), params.offset(), params.page());
        String previousField = evidence.pageLink(-1, params.limit(), params.offset(), params.page());
        if (nextField != null || previousField != null) {
            extra.keySet().removeAll(java.util.Arrays.asList(nextField, previousField));
            resource.evidence.add("list: the envelope names the neighbouring pages' URLs"
                    + (nextField == null ? "" : ", '" + nextField + "' the next") + (previousField == null ? ""
                    : ", '" + previousField + "' the previous") + " (the URL asked for with the "
                    + (params.page() != null ? params.page() : params.offset()) + " moved; none on the first page)");
        }
        ListRule.Paging paging = new ListRule.Paging(params, null, defaultLimit,
                cap == null ? NO_CAP : cap.intValue(), limitField, offsetField, pageField, cap != null, nextField,
                previousField);
        ListRule.Counts counts = new ListRule.Counts(totalField, itemCountField, pageCountField,
                evidence.totalHeader(), false, totalField == null);
        return new ListRule(ListRule.Style.OFFSET, dataField, paging, counts, Map.of(), extra, null);
    }

    /** The field to keep as a parameter's echo: one named as the parameter stays, else the one met last. */
    private static String echoNamed(String kept, String candidate, String param) {
        return kept != null && kept.equals(param) ? kept : candidate;
    }

    /** Whether some envelope number always echoed a paging parameter ({@code limit: 2} for {@code $limit=2}). */
    private static boolean envelopeEchoesPaging(OperationStats list, ShapeAggregate envelope) {
        QueryParams params = QueryParams.of(list);
        for (String field : envelope.properties().keySet()) {
            String echoed = list.listEvidence().echoedParam(field);
            if (echoed != null && (echoed.equals(params.limit()) || echoed.equals(params.offset()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code order: oldest-first} when every listed pair of rows came in ascending order of their integer id (or,
     * without integer ids, of their integer creation time); newest first is the default.
     */
    static ListRule order(OperationStats list, Resource resource, ListRule rule) {
        if (rule.style() != ListRule.Style.OFFSET && rule.style() != ListRule.Style.NONE) {
            return rule;
        }
        Boolean ascending = list.listEvidence().ascendingBy(resource.idField);
        String by = resource.idField;
        if (ascending == null && resource.timestampFields.get("createdAt") != null) {
            by = resource.timestampFields.get("createdAt");
            ascending = list.listEvidence().ascendingBy(by);
        }
        if (ascending == null && Boolean.TRUE.equals(list.listEvidence().ascendingByText(resource.idField))) {
            // rows listed in their ids' alphabetical order (RabbitMQ, CouchDB): an unpaged list sorts every row
            // so; a paged one lists the seeds in the order they were listed and rows created later after them
            boolean unpaged = rule.style() == ListRule.Style.NONE;
            String descending = unpaged ? null : list.listEvidence().descendingParam(resource.idField);
            if (descending != null) {
                resource.evidence.add("list order: " + descending + "=true listed the rows in descending '"
                        + resource.idField + "' order: it reverses the default order");
            }
            resource.evidence.add("list order: every pair of listed rows was in ascending '" + resource.idField
                    + "' order (as text): " + (unpaged ? "every row sorted by it, created ones among the seeds"
                    : "oldest first, the seeds in that order; rows created later are listed after them, not "
                    + "sorted in") + " (medium confidence)");
            return rule.withOrder(new ListRule.Order(unpaged ? "id-ascending" : "oldest-first", descending));
        }
        if (ascending == null) {
            resource.evidence.add("list order: no evidence (fewer than two rows listed, or mixed); newest first "
                    + "(low confidence)");
            return rule;
        }
        resource.evidence.add("list order: " + (ascending ? "oldest" : "newest") + " first — every pair of listed "
                + "rows was in " + (ascending ? "ascending" : "descending") + " '" + by + "' order");
        return rule.withOrder(new ListRule.Order(ascending ? "oldest-first" : "newest-first", null));
    }

    private static Map<String, String> pageFields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] pair : List.of(new String[] {"page", "page"}, new String[] {"pageSize", "page_size"},
                new String[] {"firstPageUri", "first_page_uri"}, new String[] {"previousPageUri", "previous_page_uri"},
                new String[] {"nextPageUri", "next_page_uri"}, new String[] {"uri", "uri"},
                new String[] {"start", "start"}, new String[] {"end", "end"})) {
            m.put(pair[0], pair[1]);
        }
        return m;
    }
}
