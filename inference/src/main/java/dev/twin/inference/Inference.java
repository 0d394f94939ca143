package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.operation.AnswerLayout;
import dev.twin.inference.operation.ItemEnvelope;
import dev.twin.inference.operation.ItemEnvelopes;
import dev.twin.inference.operation.ConstantHeaders;
import dev.twin.inference.operation.UnboundExchanges;
import dev.twin.inference.operation.WriteCounterHeader;
import dev.twin.inference.operation.SelfLinks;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.path.PathMatch;
import dev.twin.inference.path.PathTemplates;
import dev.twin.inference.path.EchoedSegments;
import dev.twin.inference.path.PathTrie;
import dev.twin.inference.path.SpecPaths;
import dev.twin.inference.resource.CheckedReferences;
import dev.twin.inference.resource.ClockDerivedFields;
import dev.twin.inference.resource.ContentLinks;
import dev.twin.inference.resource.CopiedFields;
import dev.twin.inference.resource.FieldOrders;
import dev.twin.inference.resource.CreateLimits;
import dev.twin.inference.resource.CreateUpserts;
import dev.twin.inference.resource.SentTimes;
import dev.twin.inference.resource.SoftDeletes;
import dev.twin.inference.resource.LookedUpFields;
import dev.twin.inference.resource.ReplacedValues;
import dev.twin.inference.resource.RowsChangedElsewhere;
import dev.twin.inference.resource.ErrorConvention;
import dev.twin.inference.resource.ErrorConventions;
import dev.twin.inference.resource.MalformedBodies;
import dev.twin.inference.resource.CreateForms;
import dev.twin.inference.resource.MalformedBodies;
import dev.twin.inference.resource.CreateForms;
import dev.twin.inference.resource.ImmutableFields;
import dev.twin.inference.resource.KeptUnsentFields;
import dev.twin.inference.resource.ListViews;
import dev.twin.inference.resource.ParentRows;
import dev.twin.inference.resource.PastTimesMovedToNow;
import dev.twin.inference.resource.NotFoundSample;
import dev.twin.inference.resource.Resource;
import dev.twin.inference.resource.ResourceDetector;
import dev.twin.inference.schema.BodyReader;
import dev.twin.inference.seed.Scrubber;
import dev.twin.inference.seed.SeedTracker;
import dev.twin.inference.source.ExchangeSource;
import dev.twin.inference.transition.ActionEvidence;
import dev.twin.inference.transition.Transition;
import dev.twin.inference.transition.TransitionInference;
import dev.twin.recorder.Exchange;
import dev.twin.replayer.config.Binding.Action;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recordings in, a servable twin out. Three streaming passes over the exchanges: the paths seen (to find the
 * templates), the merged operations (schemas, statuses, echoes of ids), then the rows of each table (seeds) —
 * memory grows with the API's shape, not with the number of exchanges.
 */
public final class Inference {
    private final ExchangeSource source;
    private final InferenceOptions options;
    private final Progress progress;
    private final SpecPaths spec;

    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, OperationStats>> operations = new TreeMap<>();
    private final TreeMap<String, String> specOperationIds = new TreeMap<>();
    private NotFoundSample notFoundMessage;
    private final ConstantHeaders constantHeaders = new ConstantHeaders();
    private final WriteCounterHeader writeCounter = new WriteCounterHeader();
    private final MalformedBodies malformedBodies = new MalformedBodies();
    /** Filled while rows are followed (the third pass). */
    private UnboundExchanges unbound;
    /** Lists found to show another table's rows ({@link ListViews}): bound to that table, not tables. */
    private List<Resource> viewed = List.of();
    /** Read-only tables whose rows changed through writes bound to no table: replayed instead. */
    private List<Resource> replayedTables = List.of();
    private final List<String> replayedTablesEvidence = new ArrayList<>();
    private Set<String> readOnlyOperations = Set.of();
    /** Tables whose deletes kept the row, found while rows are followed. */
    private List<SoftDeletes.SoftDelete> softDeleted = List.of();
    /** The API-wide 404 body ({@code errors.bodies.NOT_FOUND}), or null. */
    private JsonNode apiWideNotFound;
    private final AnswerLayout answerLayout = new AnswerLayout();
    private final SelfLinks selfLinks = new SelfLinks();
    /** The header counting the API's writes ({@code server.writeCounter}), known after the first pass; or null. */
    private String counterHeader;
    /** Operations whose answers put the row under one member, by "METHOD template" (set after the second pass). */
    private Map<String, ItemEnvelope> envelopes = Map.of();
    /** By request path; bounded, the oldest forgotten first. */
    private final Map<String, UnreadWrite> unreadWrites = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UnreadWrite> eldest) {
            return size() > 1024;
        }
    };

    private Inference(ExchangeSource source, InferenceOptions options, Progress progress) {
        this.source = source;
        this.options = options;
        this.progress = progress;
        this.spec = options.spec() == null ? null : SpecPaths.load(options.spec());
    }

    /** @throws InferenceException when the input holds nothing to infer from */
    public static InferredTwin run(ExchangeSource source, InferenceOptions options, Progress progress) {
        return new Inference(source, options, progress).run();
    }

    private InferredTwin run() {
        PathTrie trie = new PathTrie();
        long[] total = {0};
        long[] json = {0};
        progress.phase("reading paths", 0);
        source.forEach(exchange -> {
            total[0]++;
            progress.step();
            String skipped = skipReason(exchange);
            if (skipped != null) {
                count("skipped: " + skipped);
                return;
            }
            count("used");
            writeCounter.accept(exchange.request().method(), exchange.response().status(),
                    exchange.response().headers());
            malformedBodies.accept(exchange);
            if (BodyReader.kind(exchange.response().headers(), exchange.response().body()) == BodyReader.Kind.JSON
                    || BodyReader.kind(exchange.request().headers(), exchange.request().body()) != BodyReader.Kind.NONE) {
                json[0]++;
            }
            if (spec == null || spec.match(exchange.request().method(), exchange.request().path()).isEmpty()) {
                trie.add(exchange.request().method(), exchange.request().path(), exchange.response().status(),
                        echoes(exchange));
            }
        });
        counts.put("read", total[0]);
        if (counts.getOrDefault("used", 0L) == 0) {
            throw new InferenceException(source.describe() + ": none of the " + total[0] + " exchanges has a response"
                    + (options.host() == null ? "" : " from host " + options.host()) + "; nothing to infer");
        }
        if (json[0] == 0) {
            throw new InferenceException(source.describe() + ": no exchange carries a JSON or form body; twin infers "
                    + "JSON APIs only, nothing to infer");
        }
        PathTemplates templates = PathTemplates.infer(trie);
        counterHeader = writeCounter.result().map(WriteCounterHeader.Found::header).orElse(null);

        progress.phase("merging operations", total[0]);
        ContentLinks contents = new ContentLinks();
        source.forEach(exchange -> {
            progress.step();
            if (usable(exchange)) {
                match(templates, exchange).ifPresent(match -> {
                    accept(exchange, match);
                    contents.exchange(match.template().template(), match.lastValue(), exchange.request(),
                            exchange.response());
                });
            }
        });
        Map<String, ItemEnvelope> envelopes = ItemEnvelopes.detect(operations);
        if (!envelopes.isEmpty()) {
            progress.phase("unwrapping item envelopes", total[0]);
            unwrapEnvelopes(templates, envelopes);
        }
        this.envelopes = envelopes;
        List<Resource> resources = ResourceDetector.detect(operations, contents.linkedTargets());
        contents.settle(resources);
        resources.forEach(resource -> resource.itemEnvelope(envelopes));
        resources.forEach(resource -> resource.dropAnswerHeaders(constantHeaders.constants().keySet()));
        List<String> evidence = new ArrayList<>();
        List<OperationStats> all = new ArrayList<>();
        operations.values().forEach(m -> all.addAll(m.values()));
        if (notFoundMessage != null) {
            for (Resource resource : resources) {
                if (resource.itemPath().equals(notFoundMessage.resource())) {
                    notFoundMessage = notFoundMessage.withResource(resource.resourceName());
                }
            }
        }
        ErrorConventions errors = ErrorConvention.detect(all, notFoundMessage, evidence);
        Optional<MalformedBodies.Found> malformed = malformedBodies.result();
        malformed.ifPresent(found -> evidence.add(found.evidence()));
        errors = errors.withMalformedBody(malformed.map(MalformedBodies.Found::answer).orElse(null));
        apiWideNotFound = errors.notFoundBody();
        resources.forEach(resource -> resource.takeOwnNotFoundBody(apiWideNotFound));
        resources.forEach(Resource::takeFieldRefusals);
        resources.forEach(Inference::noteNonEmptyArrays);
        resources.forEach(CreateForms::infer);
        AnswerLayout.Result layout = answerLayout.result();
        Optional<WriteCounterHeader.Found> counter = writeCounter.result();
        counter.ifPresent(found -> evidence.add(found.evidence()));
        evidence.addAll(layout.evidence());
        evidence.addAll(selfLinks.evidence());
        String timestampFormat = mostCommonTimestampFormat(resources);

        progress.phase("following rows", total[0]);
        Map<String, RowAction> actions = actionEndpoints(resources);
        Map<String, List<ObjectNode>> seeds = seeds(templates, resources, actions);
        if (!viewed.isEmpty() || !replayedTables.isEmpty()) {
            resources = new ArrayList<>(resources);
            resources.removeAll(viewed); // lists of another table's rows: bound to that table as views
            resources.removeAll(replayedTables);
            evidence.addAll(replayedTablesEvidence);
        }
        List<Transition> transitions = new ArrayList<>();
        for (RowAction action : actions.values()) {
            Resource resource = action.owner();
            Transition transition = TransitionInference.infer(action.evidence(), resource.table(),
                    resource.idField(), resource.componentName());
            if (transition != null && !transition.sets().isEmpty()) {
                transitions.add(transition);
                resource.evidence().addAll(transition.evidence());
            }
        }
        for (SoftDeletes.SoftDelete soft : softDeleted) {
            Resource resource = soft.resource();
            if (!resources.contains(resource)) {
                continue;
            }
            Transition transition = TransitionInference.infer(soft.evidence(), resource.table(), resource.idField(),
                    resource.componentName(), Set.copyOf(resource.timestampFields().values()), soft.answersRow());
            if (transition != null && !transition.sets().isEmpty()) {
                resource.deleteKeepsRow();
                transitions.add(transition);
                resource.evidence().addAll(soft.notes());
                resource.evidence().addAll(transition.evidence());
            } else {
                resource.evidence().add("delete: deleted rows were read again, but no field changed in a way a rule "
                        + "explains; the twin deletes the row (left for a human)");
            }
        }
        Set<String> answeredByTables = new HashSet<>(readOnlyOperations);
        replayedTables.forEach(r -> r.bindings().forEach(b -> answeredByTables.remove(b.op().key())));
        transitions.forEach(t -> answeredByTables.add(t.op().key()));
        List<Exchange> replayed = unbound.without(answeredByTables);
        if (unbound.tooLarge() > 0) {
            evidence.add(unbound.tooLarge() + " exchanges of operations no table answers were not kept for replay"
                    + " (bodies over 1 MB, or past 32 MB in all): the spec's examples answer those requests");
        }
        progress.done();
        return new InferredTwin(source.describe(), options, templates.templates(), operations, specOperationIds,
                resources, errors, timestampFormat, seeds, counts, evidence, ForHuman.list(operations, resources,
                templates, transitions), options.spec(), transitions, constantHeaders.constants(), layout,
                selfLinks.origins(), counter.orElse(null), replayed);
    }

    /**
     * Merges the enveloped operations again, each exchange as if its row had been answered (and sent) bare, so
     * their schemas, ids, defaults and writes describe the row, not its envelope. The other evidence of the
     * exchanges (layout, headers, links) was taken from them as recorded.
     */
    private void unwrapEnvelopes(PathTemplates templates, Map<String, ItemEnvelope> enveloped) {
        enveloped.keySet().forEach(key -> {
            String[] methodAndTemplate = key.split(" ", 2);
            TreeMap<String, OperationStats> byMethod = operations.get(methodAndTemplate[1]);
            byMethod.put(methodAndTemplate[0], new OperationStats(methodAndTemplate[0],
                    byMethod.get(methodAndTemplate[0]).path()));
        });
        unreadWrites.clear();
        source.forEach(exchange -> {
            progress.step();
            if (!usable(exchange)) {
                return;
            }
            match(templates, exchange).ifPresent(match -> {
                String method = exchange.request().method();
                ItemEnvelope envelope = enveloped.get(method + " " + match.template().template());
                if (envelope == null) {
                    return;
                }
                Exchange bare = ItemEnvelopes.unwrapped(exchange, envelope);
                OperationStats op = operations.get(match.template().template()).get(method);
                if (bare.request() != exchange.request()) {
                    op.requestEnvelope(envelope.member());
                }
                JsonNode body = op.accept(bare, match);
                op.noteWriteCounter(counterHeader, bare.response(), body);
                readBack(bare, match, op, body);
            });
        });
    }

    /**
     * Says in the report which arrays and texts a create was refused sent empty ({@code minItems: 1},
     * {@code minLength: 1} in the spec).
     */
    private static void noteNonEmptyArrays(Resource resource) {
        OperationStats create = resource.actions().get(Action.CREATE);
        if (create != null) {
            create.nonEmptyRequestFields().forEach((field, refusals) -> resource.evidence().add("create: '" + field
                    + "' sent empty was refused (4xx, " + refusals + " time" + (refusals == 1 ? "" : "s") + ") and "
                    + "every accepted create sent it holding something: the request schema says minItems: 1 or "
                    + "minLength: 1 (low confidence: a refusal may have had another cause)"));
        }
    }

    /** The exchange as its operation's stats saw it: unwrapped when the operation's answers are enveloped. */
    private Exchange asMerged(Exchange exchange, PathMatch match) {
        ItemEnvelope envelope = envelopes.get(exchange.request().method() + " " + match.template().template());
        return envelope == null ? exchange : ItemEnvelopes.unwrapped(exchange, envelope);
    }

    /** Per path segment, the answer field that held its value (see {@link EchoedSegments}). */
    private static List<String> echoes(Exchange exchange) {
        var body = exchange.response().body();
        if (exchange.response().status() >= 300
                || BodyReader.kind(exchange.response().headers(), body) != BodyReader.Kind.JSON) {
            return List.of();
        }
        return EchoedSegments.find(PathTrie.segments(exchange.request().path()), body.text(),
                () -> BodyReader.json(body));
    }

    private boolean usable(Exchange exchange) {
        return skipReason(exchange) == null;
    }

    private String skipReason(Exchange exchange) {
        if (exchange.response() == null || exchange.tunnelled()) {
            return "failed or tunnelled";
        }
        if (options.host() != null && !options.host().equalsIgnoreCase(exchange.request().host())) {
            return "other host";
        }
        return null;
    }

    private Optional<PathMatch> match(PathTemplates templates, Exchange exchange) {
        String method = exchange.request().method();
        if (spec != null) {
            Optional<PathMatch> official = spec.match(method, exchange.request().path());
            if (official.isPresent()) {
                specOperationIds.putIfAbsent(method + " " + official.get().template().template(),
                        spec.operationId(method, official.get().template().template()));
                return official;
            }
        }
        return templates.match(exchange.request().path());
    }

    private void accept(Exchange exchange, PathMatch match) {
        String method = exchange.request().method();
        constantHeaders.accept(exchange.response().headers());
        answerLayout.accept(exchange.response());
        selfLinks.accept(exchange);
        OperationStats op = operations.computeIfAbsent(match.template().template(), t -> new TreeMap<>())
                .computeIfAbsent(method, m -> new OperationStats(m, match.template()));
        JsonNode body = op.accept(exchange, match);
        op.noteWriteCounter(counterHeader, exchange.response(), body);
        readBack(exchange, match, op, body);
        if (exchange.response().status() == 404 && notFoundMessage == null && body != null) {
            JsonNode message = body.path("message");
            if (!message.isTextual()) {
                message = body.path("error").path("message");
            }
            if (message.isTextual()) {
                notFoundMessage = new NotFoundSample(message.asText(), match.lastValue(), exchange.request().path(),
                        match.template().template());
            }
        }
    }

    /**
     * Pairs a write answered with no body with the next successful read of the same path, which shows what the
     * write stored (see {@link OperationStats#acceptReadBack}).
     */
    private void readBack(Exchange exchange, PathMatch match, OperationStats op, JsonNode body) {
        String method = exchange.request().method();
        int status = exchange.response().status();
        String path = exchange.request().path();
        boolean success = status >= 200 && status < 300;
        boolean bodiless = exchange.response().body() == null || exchange.response().body().isEmpty();
        if ((method.equals("PUT") || method.equals("PATCH") || method.equals("POST")) && success && bodiless
                && !match.values().isEmpty()) {
            unreadWrites.put(path, new UnreadWrite(op, exchange, null));
        } else if (method.equals("POST") && success && bodiless) {
            awaitReadBackByNamedId(exchange, op, path);
        } else if (method.equals("GET") && success && body != null) {
            UnreadWrite write = unreadWrites.remove(path);
            if (write != null) {
                readBack(write, body);
            } else if (!unreadWrites.isEmpty()) {
                readBackInList(path, body);
            }
        } else if (!method.equals("GET")) {
            unreadWrites.remove(path);
        }
    }

    /**
     * A list that shows a row written with no answer and not read since ({@code PUT /api/vhosts/staging}, then
     * {@code GET /api/vhosts}): the item naming the row, by a value that is the write's last path segment, is that
     * write's read-back. Looks up each item's values as paths under the list's, so its cost is the list's size.
     */
    private void readBackInList(String listPath, JsonNode body) {
        JsonNode items = body.isArray() ? body : null;
        if (items == null && body.isObject()) {
            for (JsonNode field : body) {
                if (field.isArray()) {
                    items = field;
                    break;
                }
            }
        }
        if (items == null) {
            return;
        }
        String prefix = listPath.endsWith("/") ? listPath : listPath + "/";
        for (JsonNode item : items) {
            if (!item.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                // a number is only an id under an id's name: a count of 1 is no row 1
                boolean named = value.isTextual() || value.isIntegralNumber()
                        && (field.getKey().equals("id") || field.getKey().equals("_id"));
                if (!named || value.asText().length() > 256) {
                    continue;
                }
                String text = value.asText();
                String encoded = java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
                UnreadWrite write = unreadWrites.remove(prefix + text);
                if (write == null) {
                    write = unreadWrites.remove(prefix + encoded);
                }
                if (write != null && readBack(write, item)) {
                    break;
                }
            }
        }
    }

    /**
     * A POST to a collection answered with no body (Syncthing's {@code POST /rest/config/folders} of {@code {id:
     * "photos", ...}}): the row may be read back under any text value it sent ({@code .../folders/photos}), so it
     * waits under each; the read whose row holds that value under the same field is its read-back.
     */
    private void awaitReadBackByNamedId(Exchange exchange, OperationStats op, String path) {
        JsonNode sent = requestBody(exchange);
        if (sent == null || !sent.isObject()) {
            return;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        int candidates = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = sent.fields(); fields.hasNext() && candidates < 8; ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() <= 256) {
                String encoded = java.net.URLEncoder.encode(value.textValue(), StandardCharsets.UTF_8)
                        .replace("+", "%20");
                unreadWrites.put(prefix + encoded, new UnreadWrite(op, exchange, field.getKey()));
                candidates++;
            }
        }
    }

    /**
     * Takes a read as the read-back of a write waiting under its path: a write waiting under several values it sent
     * waits no longer under the others, and is paired only when the read holds that value under the same field.
     *
     * @return whether the read was its read-back
     */
    private boolean readBack(UnreadWrite write, JsonNode read) {
        if (write.namedBy() != null) {
            unreadWrites.values().removeIf(other -> other.exchange() == write.exchange());
            if (!namesItsRow(write, read)) {
                return false;
            }
        }
        write.op().acceptReadBack(write.exchange(), read);
        return true;
    }

    /** Whether a read holds, under the field that named its path, the value the write sent there. */
    private static boolean namesItsRow(UnreadWrite write, JsonNode read) {
        JsonNode sent = requestBody(write.exchange());
        return sent != null && read.isObject() && sent.get(write.namedBy()) != null
                && sent.get(write.namedBy()).equals(read.get(write.namedBy()));
    }

    /**
     * A write answered with no body, waiting for the read that shows what it stored.
     *
     * @param namedBy the sent field whose value named the path it waits under, or null when the write's own path
     *                names the row
     */
    private record UnreadWrite(OperationStats op, Exchange exchange, String namedBy) {
    }

    /**
     * Non-GET operations on a literal path right under a table's item path ({@code POST
     * /payment_intents/{intent}/confirm}) that no table action took: candidate state transitions, keyed like
     * the bound operations ("METHOD template").
     */
    private Map<String, RowAction> actionEndpoints(List<Resource> resources) {
        Map<String, RowAction> out = new TreeMap<>();
        Set<OperationStats> bound = new HashSet<>();
        resources.forEach(r -> r.bindings().forEach(b -> bound.add(b.op())));
        for (Resource resource : resources) {
            String prefix = resource.itemPath() + "/";
            operations.forEach((template, byMethod) -> {
                String rest = template.startsWith(prefix) ? template.substring(prefix.length()) : null;
                if (rest == null || rest.isEmpty() || rest.contains("/") || rest.contains("{")) {
                    return;
                }
                byMethod.forEach((method, op) -> {
                    if (!method.equals("GET") && !method.equals("DELETE") && !bound.contains(op)) {
                        out.put(method + " " + template, new RowAction(resource, new ActionEvidence(op, rest)));
                    }
                });
            });
        }
        return out;
    }

    /** An action endpoint and the table whose item path it sits right under. */
    private record RowAction(Resource owner, ActionEvidence evidence) {
    }

    private Map<String, List<ObjectNode>> seeds(PathTemplates templates, List<Resource> resources,
                                                Map<String, RowAction> actions) {
        SoftDeletes softDeletes = new SoftDeletes();
        Map<String, FollowedOperation> byOperation = new TreeMap<>();
        Map<String, SeedTracker> trackers = new TreeMap<>();
        Set<String> tableOperations = new HashSet<>();
        resources.forEach(r -> r.bindings().forEach(b -> tableOperations.add(b.op().key())));
        RowsChangedElsewhere changedElsewhere = new RowsChangedElsewhere(resources);
        // a read-only table's reads are kept too: they are replayed when its rows change through other writes
        readOnlyOperations = changedElsewhere.readOnlyOperations();
        tableOperations.removeAll(readOnlyOperations);
        unbound = new UnboundExchanges(tableOperations);
        ListViews views = new ListViews(resources);
        ParentRows parents = new ParentRows(resources);
        ImmutableFields immutables = new ImmutableFields(resources);
        CopiedFields copies = new CopiedFields();
        FieldOrders orders = new FieldOrders();
        java.util.function.BiFunction<String, String, JsonNode> latestRow = (table, id) -> {
            SeedTracker tracker = trackers.get(table);
            return tracker == null ? null : tracker.latest(id);
        };
        ReplacedValues replaced = new ReplacedValues(resources, latestRow);
        LookedUpFields lookedUp = new LookedUpFields(resources, latestRow);
        CreateLimits limits = new CreateLimits(resources, latestRow);
        CheckedReferences checkedReferences = new CheckedReferences(resources, latestRow);
        CreateUpserts upserts = new CreateUpserts();
        KeptUnsentFields keptUnsent = new KeptUnsentFields();
        SentTimes times = new SentTimes();
        ClockDerivedFields clocked = new ClockDerivedFields();
        PastTimesMovedToNow movedToNow = new PastTimesMovedToNow();
        for (Resource resource : resources) {
            SeedTracker tracker = new SeedTracker(resource.idField());
            trackers.put(resource.table(), tracker);
            resource.bindings().forEach(binding -> byOperation.put(binding.op().key(),
                    new FollowedOperation(resource, binding.action(), tracker)));
        }
        source.forEach(recorded -> {
            progress.step();
            if (!usable(recorded)) {
                return;
            }
            int status = recorded.response().status();
            Optional<PathMatch> match = match(templates, recorded);
            if (match.isEmpty()) {
                return;
            }
            unbound.offer(recorded.request().method() + " " + match.get().template().template(), recorded);
            Exchange exchange = asMerged(recorded, match.get());
            RowAction call = actions.get(exchange.request().method() + " " + match.get().template().template());
            if (call != null) {
                followAction(call, exchange, match.get(), trackers.get(call.owner().table()));
                return;
            }
            FollowedOperation bound = byOperation.get(exchange.request().method() + " "
                    + match.get().template().template());
            boolean onItem = bound != null && match.get().template().template().equals(bound.resource().itemPath());
            if (bound != null) {
                parents.call(bound.resource(), match.get(), onItem, exchange.request().method(), status,
                        status == 404 ? BodyReader.json(exchange.response().body()) : null);
                if (onItem && bound.action() == Action.GET) {
                    changedElsewhere.read(bound.resource(), match.get().lastValue(), status);
                }
                if (onItem && (bound.action() == Action.UPDATE || bound.action() == Action.PATCH)) {
                    immutables.write(bound.resource(), match.get(), exchange.request().method(), status,
                            requestBody(exchange), BodyReader.json(exchange.response().body()));
                }
                if (onItem && bound.action() == Action.UPDATE && status >= 200 && status < 300) {
                    keptUnsent.put(bound.resource(), bound.tracker().latest(EchoedSegments.decode(
                            match.get().lastValue())), requestBody(exchange),
                            BodyReader.json(exchange.response().body()));
                }
            }
            boolean write = bound != null && (bound.action() == Action.CREATE || bound.action() == Action.UPDATE
                    || bound.action() == Action.PATCH);
            JsonNode sent = write ? requestBody(exchange) : null;
            if (bound != null && bound.action() == Action.CREATE) {
                limits.attempt(bound.resource(), sent, status, BodyReader.json(exchange.response().body()));
                checkedReferences.attempt(bound.resource(), sent, status, BodyReader.json(exchange.response().body()));
                JsonNode namedId = sent == null ? null : sent.get(bound.resource().idField());
                upserts.attempt(bound.resource(), sent, status, namedId != null && namedId.isValueNode()
                        && bound.tracker().latest(namedId.asText()) != null);
            }
            if (onItem && bound.action() == Action.GET && status == 404) {
                softDeletes.missing(bound.resource(), match.get().lastValue());
            }
            if (status < 200 || status >= 300 || bound == null) {
                return;
            }
            if (write) {
                times.sent(bound.resource(), sent);
                clocked.sent(bound.resource(), sent);
            }
            Resource resource = bound.resource();
            Action action = bound.action();
            SeedTracker tracker = bound.tracker();
            if (action != Action.CREATE && action != Action.GET && action != Action.LIST) {
                resource.previousRowAnswered(action, BodyReader.json(recorded.response().body()),
                        tracker.latest(match.get().lastValue()));
            }
            if (onItem) {
                views.itemId(resource, match.get().lastValue());
                parents.seen(resource, match.get().lastValue());
            }
            if (action == Action.DELETE) {
                if (onItem) {
                    softDeletes.deleted(resource, resource.actions().get(Action.DELETE), match.get().lastValue(),
                            tracker.latest(match.get().lastValue()), requestBody(exchange), status,
                            exchange.response().body() == null || exchange.response().body().isEmpty(),
                            exchange.startedAt().getEpochSecond());
                }
                parents.deleted(resource, match.get().lastValue());
                resource.deletes().add(tracker.latest(match.get().lastValue()),
                        resource.withPathId(BodyReader.json(exchange.response().body())));
                tracker.deleted(match.get().lastValue());
                return;
            }
            JsonNode answered = BodyReader.json(exchange.response().body());
            JsonNode body = resource.withPathId(answered);
            if (answered != null && (action == Action.GET || answered.has(resource.idField()))) {
                orders.row(resource, answered); // a write's answer counts when it is the row, not an acknowledgement
            }
            if (action == Action.UPDATE && status == 201) {
                // a PUT that created the row under the id it named: the row is the recording's, never a seed
                tracker.createdId(match.get().lastValue());
                parents.created(resource, match.get().lastValue());
            }
            if (action == Action.CREATE && (answered == null || answered.isMissingNode())) {
                // a create answered with no body, its row's id chosen by the client: the row is the recording's
                JsonNode id = sent == null ? null : sent.get(resource.idField());
                if (id != null && id.isValueNode() && !id.isNull()) {
                    tracker.createdId(id.asText());
                    parents.created(resource, id.asText());
                }
            }
            if (onItem && (action == Action.UPDATE || action == Action.PATCH)) {
                movedToNow.written(resource, match.get().lastValue(), sent, exchange.startedAt(),
                        recorded.durationMicros());
            }
            if (body == null) {
                return;
            }
            switch (action) {
                case CREATE -> {
                    times.answered(resource, body);
                    replaced.created(resource, sent, body);
                    lookedUp.created(resource, sent, body);
                    // an acknowledgement ({ok, id, rev}) names the new row's id through the create's template
                    ObjectNode acknowledged = body.has(resource.idField()) ? null
                            : resource.acknowledgedRow(Action.CREATE, body);
                    tracker.created(acknowledged == null ? body : acknowledged);
                    immutables.row(resource, body);
                    JsonNode createdId = (acknowledged == null ? body : acknowledged).get(resource.idField());
                    if (createdId != null && !createdId.isContainerNode()) {
                        parents.created(resource, createdId.asText());
                        movedToNow.written(resource, createdId.asText(), sent, exchange.startedAt(),
                                recorded.durationMicros());
                    }
                    if (acknowledged == null) {
                        movedToNow.answered(resource, createdId == null ? null : createdId.asText(), body);
                        clocked.answered(resource, body, exchange.startedAt());
                    }
                    resource.createAnswered(body);
                    views.written(resource, action, body);
                }
                case GET -> {
                    if (onItem) {
                        softDeletes.read(resource, match.get().lastValue(), body);
                        movedToNow.answered(resource, match.get().lastValue(), body);
                    }
                    clocked.answered(resource, body, exchange.startedAt());
                    times.answered(resource, body);
                    tracker.seen(body);
                    immutables.row(resource, body);
                    copies.row(resource, body);
                    views.row(resource, body);
                }
                case LIST -> {
                    JsonNode items = resource.dataField() == null ? body : body.path(resource.dataField());
                    items.forEach(row -> {
                        JsonNode withId = resource.withPathId(row);
                        JsonNode id = withId == null ? null : withId.get(resource.idField());
                        softDeletes.read(resource, id == null || id.isContainerNode() ? null : id.asText(), withId);
                        movedToNow.answered(resource, id == null || id.isContainerNode() ? null : id.asText(),
                                withId);
                        clocked.answered(resource, withId, exchange.startedAt());
                        times.answered(resource, withId);
                        tracker.seen(withId);
                    });
                    List<JsonNode> listedRows = new ArrayList<>();
                    items.forEach(listedRows::add);
                    clocked.listed(resource, listedRows);
                    if (!views.isCandidate(resource)) {
                        // a view's total counts another table's rows, which that table follows
                        resource.listCounted(body, tracker.liveRows());
                    }
                    items.forEach(item -> parents.seenRow(resource, resource.withPathId(item)));
                    items.forEach(item -> copies.row(resource, item));
                    JsonNode answeredItems = resource.dataField() == null ? answered
                            : answered.path(resource.dataField());
                    answeredItems.forEach(item -> orders.row(resource, item));
                    if (views.isCandidate(resource)) {
                        views.listed(resource, exchange.request().rawQuery(), body);
                    } else {
                        items.forEach(item -> views.row(resource, item));
                    }
                }
                default -> {
                    if (onItem) {
                        movedToNow.answered(resource, match.get().lastValue(), body);
                    }
                    if (body.has(resource.idField())) {
                        clocked.answered(resource, body, exchange.startedAt());
                    }
                    times.answered(resource, body);
                    tracker.changed(body, requestFields(exchange));
                    views.written(resource, action, body);
                }
            }
        });
        resources.forEach(Resource::settleListCounts);
        viewed = views.settle();
        parents.settle(apiWideNotFound);
        replayedTables = changedElsewhere.settle(resources, replayedTablesEvidence);
        immutables.settle();
        copies.settle();
        orders.settle();
        replaced.settle();
        lookedUp.settle();
        limits.settle();
        checkedReferences.settle();
        upserts.settle();
        keptUnsent.settle();
        times.settle();
        clocked.settle();
        movedToNow.settle();
        softDeleted = softDeletes.settle();
        Map<String, List<ObjectNode>> seeds = new TreeMap<>();
        for (Resource resource : resources) {
            if (viewed.contains(resource) || replayedTables.contains(resource)) {
                continue;
            }
            SeedTracker tracker = trackers.get(resource.table());
            var rows = options.seedMode() == InferenceOptions.SeedMode.FINAL ? tracker.finalRows()
                    : tracker.initialRows();
            resource.firstCreatedId(tracker.firstCreatedNumber());
            resource.settle();
            List<ObjectNode> scrubbed = new ArrayList<>();
            for (ObjectNode row : rows) {
                scrubbed.add((ObjectNode) Scrubber.scrub(row));
            }
            seeds.put(resource.table(), scrubbed);
            resource.evidence().add("seed (" + options.seedMode().name().toLowerCase() + "): " + scrubbed.size()
                    + " rows; the recording created " + tracker.createdCount() + " and deleted "
                    + tracker.deletedCount() + (tracker.firstSeenAfterChange() > 0 ? "; "
                    + tracker.firstSeenAfterChange() + " rows were first seen after a change (the changed fields "
                    + "are left out of their seed row)" : "") + (tracker.dropped() > 0 ? "; " + tracker.dropped()
                    + " rows beyond " + SeedTracker.MAX_ROWS + " left out" : ""));
        }
        return seeds;
    }

    /** A bound operation whose answers move a table's rows along while the recording is followed. */
    private record FollowedOperation(Resource resource, Action action, SeedTracker tracker) {
    }

    /** Notes the call with the row as last seen, and moves the row on to what a successful call answered. */
    private static void followAction(RowAction action, Exchange exchange, PathMatch match, SeedTracker tracker) {
        String id = match.lastValue();
        JsonNode answer = BodyReader.json(exchange.response().body());
        int status = exchange.response().status();
        action.evidence().add(tracker.latest(id), requestBody(exchange), status, answer,
                exchange.startedAt().getEpochSecond());
        if (status >= 200 && status < 300 && answer != null && answer.isObject()) {
            tracker.changed(answer, requestFields(exchange));
        }
    }

    private static JsonNode requestBody(Exchange exchange) {
        return switch (BodyReader.kind(exchange.request().headers(), exchange.request().body())) {
            case JSON -> BodyReader.json(exchange.request().body());
            case FORM -> BodyReader.form(exchange.request().body().text());
            default -> null;
        };
    }

    private static List<String> requestFields(Exchange exchange) {
        JsonNode body = switch (BodyReader.kind(exchange.request().headers(), exchange.request().body())) {
            case JSON -> BodyReader.json(exchange.request().body());
            case FORM -> BodyReader.form(exchange.request().body().text());
            default -> null;
        };
        List<String> names = new ArrayList<>();
        if (body != null && body.isObject()) {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return names;
    }

    private static String mostCommonTimestampFormat(List<Resource> resources) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (Resource resource : resources) {
            if (resource.timestampFormat() != null) {
                votes.merge(resource.timestampFormat(), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }
}
