package dev.twin.replayer.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.EventRule;
import dev.twin.replayer.config.EventsConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.convention.JsonView;
import dev.twin.replayer.convention.PlainValues;
import dev.twin.replayer.convention.RowShaper;
import dev.twin.replayer.convention.TableConventions;
import dev.twin.replayer.state.ChangeListener;
import dev.twin.replayer.state.Row;
import dev.twin.replayer.state.RowChange;
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
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final EventLog log;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private final ThreadLocal<Map<String, java.util.LinkedHashMap<String, RowChange>>> batch = new ThreadLocal<>();
    private volatile Compiled compiled = new Compiled(EventsConfig.NONE, Map.of(), Map.of());

    /** @param rules each table's {@code emit} rules, in file order */
    private record Compiled(EventsConfig config, Map<String, RowShaper> shapers, Map<String, List<EventRule>> rules) {
    }

    public EventEmitter(EventLog log, WebhookDispatcher dispatcher, Clock clock) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public void install(TwinConfig config) {
        Map<String, RowShaper> shapers = new HashMap<>();
        config.tables().forEach(table -> shapers.put(table.name(), TableConventions.of(table).shaper()));
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
        changes.forEach((tenant, rows) -> emitChanges(tenant, List.copyOf(rows.values())));
        return result;
    }

    @Override
    public void committed(String tenant, List<RowChange> changes) {
        dispatcher.changed(tenant, changes);
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
            return;
        }
        emitChanges(tenant, changes);
    }

    private void emitChanges(String tenant, List<RowChange> changes) {
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
                    emit(tenant, rule.type(), () -> data(shaper, kind, change));
                }
            }
        }
    }

    /** The event's {@code data}: the row as the API shows it and, for updates, the changed fields' old values. */
    private static ObjectNode data(RowShaper shaper, EventRule.Change kind, RowChange change) {
        Row shown = change.after() != null ? change.after() : change.before();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("object", shaper.shape(shown));
        if (kind == EventRule.Change.UPDATED) {
            data.set("previous_attributes", previous(change.before().data(), change.after().data()));
        }
        return data;
    }

    /** Emits an event of {@code type} by hand ({@code twin trigger}); {@code object} becomes data.object. */
    public ObjectNode trigger(String tenant, String type, JsonNode object) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("object", object == null ? JsonNodeFactory.instance.objectNode() : object.deepCopy());
        return emit(tenant, type, () -> data).json().deepCopy();
    }

    /** Logs and dispatches the event; its JSON is built when first read (rows are immutable, so it is the same). */
    private LoggedEvent emit(String tenant, String type, Supplier<ObjectNode> data) {
        EventsConfig config = compiled.config();
        String id = config.idPrefix() + randomId();
        String apiVersion = config.apiVersion();
        long created = clock.millis() / 1000;
        LoggedEvent event = new LoggedEvent(id, type, () -> {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("id", id);
            json.put("object", "event");
            if (apiVersion != null) {
                json.put("api_version", apiVersion);
            }
            json.put("created", created);
            json.set("data", data.get());
            json.put("livemode", false);
            json.put("pending_webhooks", 0);
            json.putObject("request").putNull("id").putNull("idempotency_key");
            json.put("type", type);
            return json;
        });
        log.add(tenant, event);
        dispatcher.dispatch(tenant, event);
        return event;
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

    /** The fields whose values changed, with their values before (Stripe's previous_attributes). */
    private static ObjectNode previous(ObjectNode before, ObjectNode after) {
        ObjectNode changed = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!Objects.equals(field.getValue(), after.get(field.getKey()))) {
                changed.set(field.getKey(), field.getValue());
            }
        }
        after.fieldNames().forEachRemaining(name -> {
            if (!before.has(name)) {
                changed.putNull(name);
            }
        });
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
