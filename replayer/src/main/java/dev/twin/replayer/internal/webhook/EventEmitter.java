package dev.twin.replayer.internal.webhook;

import dev.twin.replayer.internal.journal.RequestCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.EventRule;
import dev.twin.replayer.config.EventsConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.JsonView;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.state.ChangeListener;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.RowChange;
import dev.twin.replayer.internal.state.SharedEvent;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantTables;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Turns committed row changes into events ({@code events.emit}) in Stripe's event shape — {@code id},
 * {@code object: event}, {@code type}, {@code created}, {@code data.object} (the row as the API shows it) and, for
 * updates, {@code data.previous_attributes} — stores them in the tenant's {@link EventLog} and hands them to the
 * {@link WebhookDispatcher}. Runs on the committing thread, so it only builds JSON; delivery is asynchronous.
 */
public final class EventEmitter implements ChangeListener {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final EventLog log;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    /** Null: events are logged and sent from here; else they are stored with the commits in its shared state. */
    private final StateStore sharedStore;
    private final ThreadLocal<Map<String, java.util.LinkedHashMap<String, RowChange>>> batch = new ThreadLocal<>();
    private volatile Compiled compiled = new Compiled(EventsConfig.NONE, Map.of(), Map.of());

    /** @param rules each table's {@code emit} rules, in file order */
    private record Compiled(EventsConfig config, Map<String, RowShaper> shapers, Map<String, List<EventRule>> rules) {
    }

    public EventEmitter(EventLog log, WebhookDispatcher dispatcher, Clock clock) {
        this(log, dispatcher, clock, null);
    }

    /**
     * @param store the tables' store: when its state is shared, events are made before each commit and stored with
     *              it ({@link #emitted}), and reach the log when stored ({@link #stored}); deliveries are claimed
     *              from the shared store by the dispatcher
     */
    public EventEmitter(EventLog log, WebhookDispatcher dispatcher, Clock clock, StateStore store) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.sharedStore = store != null && store.isShared() ? store : null;
    }

    public void install(TwinConfig config) {
        Map<String, RowShaper> shapers = new HashMap<>();
        config.tables().forEach(table -> shapers.put(table.name(), TableConventions.of(table, clock).shaper()));
        EventsConfig events = config.sandbox().events();
        log.keep(events.keep(), events.keepTotal());
        Map<String, List<EventRule>> rules = new HashMap<>();
        events.emit().forEach(rule -> rules.computeIfAbsent(rule.table(), table -> new java.util.ArrayList<>())
                .add(rule));
        compiled = new Compiled(events, shapers, Map.copyOf(rules));
    }

    /**
     * Runs {@code work} (on this thread) so that the row changes of all its transactions count as one: each row's
     * first {@code before} and last {@code after}. A scenario that lets an operation run and then changes the row
     * emits only the net event (a declined confirm never emits {@code payment_intent.succeeded}).
     */
    public <T> T coalescing(java.util.function.Supplier<T> work) {
        if (batch.get() != null) {
            return work.get();
        }
        Map<String, java.util.LinkedHashMap<String, RowChange>> changes = new java.util.LinkedHashMap<>();
        batch.set(changes);
        T result;
        try {
            result = work.get();
        } finally {
            batch.remove();
        }
        changes.forEach((tenant, rows) -> {
            List<RowChange> net = List.copyOf(rows.values());
            if (sharedStore == null) {
                emitChanges(tenant, net);
            } else { // the batch's transactions are over: the tenant's endpoints are read in one of its own
                sharedStore.storeEvents(tenant, sharedStore.inTransaction(tenant, tables -> sharedEvents(net, tables)));
            }
        });
        return result;
    }

    @Override
    public void committed(String tenant, List<RowChange> changes) {
        dispatcher.changed(tenant, changes);
        if (!coalesced(tenant, changes)) {
            emitChanges(tenant, changes);
        }
    }

    @Override
    public List<SharedEvent> emitted(String tenant, List<RowChange> changes, TenantTables tables) {
        dispatcher.changed(tenant, changes);
        return coalesced(tenant, changes) ? List.of() : sharedEvents(changes, tables);
    }

    @Override
    public boolean keepsEmitted() {
        return batch.get() != null;
    }

    @Override
    public void stored(String tenant, List<SharedEvent> events, boolean whole) {
        if (whole) {
            log.clearTenant(tenant);
        }
        boolean deliveries = false;
        for (SharedEvent event : events) {
            String id = event.id();
            String type = event.type();
            String content = event.content();
            log.add(tenant, new LoggedEvent(id, type, () -> json(id, type, content)));
            if (!whole) {
                RequestCapture.eventEmitted(tenant, event.id(), event.type()); // this request's own events
            }
            deliveries |= !event.webhooks().isEmpty();
        }
        if (deliveries) {
            dispatcher.deliverShared(); // this replica stored them: it tries first, any replica may claim them
        }
    }

    /**
     * The events of {@code changes} as a shared store keeps them, with where each is to be delivered (the tenant's
     * endpoints as {@code tables} hold them).
     */
    private List<SharedEvent> sharedEvents(List<RowChange> changes, TenantTables tables) {
        List<SharedEvent> events = new java.util.ArrayList<>();
        forEachEvent(changes, emission -> events.add(shared(emission, tables)));
        return events;
    }

    /**
     * An event as a shared store keeps it: its row ({@link CompactEvent}) when every replica makes the same JSON
     * of that and nobody is to get the event now, else its JSON (which a delivery carries).
     */
    private SharedEvent shared(Emission emission, TenantTables tables) {
        String type = emission.type();
        List<String> destinations = dispatcher.destinationsFor(type, tables);
        RowChange change = emission.change();
        if (destinations.isEmpty() && emission.shaper() != null && emission.shaper().isRepeatable()) {
            CompactEvent stored = new CompactEvent(clock.millis() / 1000, change.table(), emission.kind(),
                    emission.shown(), emission.previous());
            return new SharedEvent(newEventId(), type, stored.write(), destinations);
        }
        LoggedEvent event = event(type, emission::data);
        return new SharedEvent(event.id(), type, event.json().toString(), destinations);
    }

    /** The JSON of an event a shared store keeps ({@link SharedEvent#content}). */
    private ObjectNode json(String id, String type, String content) {
        if (!CompactEvent.isCompact(content)) {
            return parse(content);
        }
        CompactEvent stored = CompactEvent.read(content);
        Compiled current = compiled;
        RowShaper shaper = current.shapers().get(stored.table());
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        // a table the configuration no longer has shows the row's stored fields
        data.set("object", shaper == null ? stored.row().data() : shaper.shape(stored.row()));
        if (stored.previous() != null) {
            data.set("previous_attributes", stored.previous());
        }
        return envelope(id, type, stored.created(), current.config().apiVersion(), data);
    }

    /** Adds the changes to the current {@link #coalescing} batch; false when there is none. */
    private boolean coalesced(String tenant, List<RowChange> changes) {
        Map<String, java.util.LinkedHashMap<String, RowChange>> pending = batch.get();
        if (pending != null) {
            java.util.LinkedHashMap<String, RowChange> rows = pending.computeIfAbsent(tenant,
                    t -> new java.util.LinkedHashMap<>());
            for (RowChange change : changes) {
                String key = change.table() + "\u0000" + change.id();
                RowChange earlier = rows.get(key);
                rows.put(key, earlier == null ? change
                        : new RowChange(change.table(), change.id(), earlier.before(), change.after()));
            }
            return true;
        }
        return false;
    }

    private void emitChanges(String tenant, List<RowChange> changes) {
        forEachEvent(changes, emission -> emit(tenant, emission.type(), emission::data));
    }

    /** An event a change emits: its type, the change and the shaper of its table (null when it has none). */
    private record Emission(String type, EventRule.Change kind, RowChange change, RowShaper shaper) {
        /** The event's {@code data}: the row as the API shows it and, for updates, the changed fields' old values. */
        ObjectNode data() {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.set("object", shaper.shape(shown()));
            ObjectNode previous = previous();
            if (previous != null) {
                data.set("previous_attributes", previous);
            }
            return data;
        }

        /** The row the event shows: as the change left it, or as it was before a delete. */
        Row shown() {
            return change.after() != null ? change.after() : change.before();
        }

        /** An update's changed fields with their old values; null for a create or a delete. */
        ObjectNode previous() {
            return kind == EventRule.Change.UPDATED ? EventEmitter.previous(change.before(), change.after()) : null;
        }
    }

    /** Each event the changes emit under the configured rules. */
    private void forEachEvent(List<RowChange> changes, java.util.function.Consumer<Emission> emit) {
        Compiled current = compiled;
        if (current.config().emit().isEmpty()) {
            return;
        }
        for (RowChange change : changes) {
            List<EventRule> rules = current.rules().getOrDefault(change.table(), List.of());
            if (rules.isEmpty() || change.before() == null && change.after() == null) {
                continue;
            }
            EventRule.Change kind = change.before() == null ? EventRule.Change.CREATED
                    : change.after() == null ? EventRule.Change.DELETED : EventRule.Change.UPDATED;
            if (kind == EventRule.Change.UPDATED && sameData(change.before(), change.after())) {
                continue; // an update that changed no field is no event
            }
            RowShaper shaper = current.shapers().get(change.table());
            for (EventRule rule : rules) {
                if (rule.on() == kind && applies(rule, change, shaper)) {
                    emit.accept(new Emission(rule.type(), kind, change, shaper));
                }
            }
        }
    }

    /** Emits an event of {@code type} by hand ({@code twin trigger}); {@code object} becomes data.object. */
    public ObjectNode trigger(String tenant, String type, JsonNode object) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("object", object == null ? JsonNodeFactory.instance.objectNode() : object.deepCopy());
        if (sharedStore != null) {
            LoggedEvent event = event(type, () -> data);
            List<String> destinations = sharedStore.inTransaction(tenant,
                    tables -> dispatcher.destinationsFor(type, tables));
            sharedStore.storeEvents(tenant, List.of(new SharedEvent(event.id(), type, event.json().toString(),
                    destinations)));
            return event.json().deepCopy();
        }
        return emit(tenant, type, () -> data).json().deepCopy();
    }

    /** Logs and dispatches the event; its JSON is built when first read (rows are immutable, so it is the same). */
    private LoggedEvent emit(String tenant, String type, Supplier<ObjectNode> data) {
        LoggedEvent event = event(type, data);
        log.add(tenant, event);
        RequestCapture.eventEmitted(tenant, event.id(), type);
        dispatcher.dispatch(tenant, event);
        return event;
    }

    /** A new event of {@code type}, its JSON built when first read. */
    private LoggedEvent event(String type, Supplier<ObjectNode> data) {
        String id = newEventId();
        String apiVersion = compiled.config().apiVersion();
        long created = clock.millis() / 1000;
        return new LoggedEvent(id, type, () -> envelope(id, type, created, apiVersion, data.get()));
    }

    /** A new event's id: the configured prefix, then 24 random base62 characters. */
    private String newEventId() {
        return compiled.config().idPrefix() + randomId();
    }

    /** An event's JSON around its {@code data}. */
    private static ObjectNode envelope(String id, String type, long created, String apiVersion, ObjectNode data) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("object", "event");
        if (apiVersion != null) {
            json.put("api_version", apiVersion);
        }
        json.put("created", created);
        json.set("data", data);
        json.put("livemode", false);
        json.put("pending_webhooks", 0);
        json.putObject("request").putNull("id").putNull("idempotency_key");
        json.put("type", type);
        return json;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("an event the state store holds is not JSON", e);
        }
    }

    /** Whether the rule's {@code when} holds, over the rows with their table's defaults (as the API shows them). */
    private static boolean applies(EventRule rule, RowChange change, RowShaper shaper) {
        if (rule.when() == null) {
            return true;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("row", change.after() == null ? null : plain(change.after(), shaper));
        variables.put("before", change.before() == null ? null : plain(change.before(), shaper));
        try {
            return Boolean.TRUE.equals(rule.when().evaluate(new MapContext(variables)));
        } catch (JexlException e) {
            return false;
        }
    }

    private static Object plain(Row row, RowShaper shaper) {
        return shaper == null ? JsonView.ofRow(row, Map.of()) : shaper.view(row);
    }

    private static boolean sameData(Row before, Row after) {
        if (before.fieldCount() != after.fieldCount()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = before.storedFields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(after.storedField(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fields whose values changed, with their values before (Stripe's previous_attributes). Shares the stored
     * values, without copying the rows: an event's JSON is only read (its readers get copies).
     */
    private static ObjectNode previous(Row before, Row after) {
        ObjectNode changed = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = before.storedFields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!Objects.equals(field.getValue(), after.storedField(field.getKey()))) {
                changed.set(field.getKey(), field.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = after.storedFields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!before.has(name)) {
                changed.putNull(name);
            }
        }
        return changed;
    }

    private static String randomId() {
        // Like row ids, event ids only need to be unique, not unguessable: no SecureRandom (a lock and 24 reads).
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
