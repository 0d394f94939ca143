package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.WebhookEndpoints;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.scenario.OperationGlob;
import dev.twin.replayer.internal.state.CommitCheck;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.RowChange;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantTables;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook endpoints tenants created over the API ({@code webhookEndpoints:}): rows of one table. Knows which
 * tenants ever stored one (so an event of a tenant without endpoints costs one set look-up), refuses an endpoint
 * row whose URL is not allowed ({@link #urlCheck}), and reads a tenant's endpoints that want an event when it is
 * delivered (on the webhook threads, never the request's).
 */
final class TenantEndpoints {
    /** An endpoint an event goes to: its row's id, URL and signing secret. */
    record Target(String id, URI url, String secret) {
    }

    /**
     * An endpoint as a shared store's delivery names it, where a configured webhook's delivery names its URL: the
     * replica that claims the delivery reads the endpoint's URL and secret then, as they are at that moment.
     */
    record Ref(String tenant, String id) {
        /** Starts with NUL, which no webhook URL has: {@code NUL "endpoint" NUL tenant NUL id}. */
        String encoded() {
            return "\u0000endpoint\u0000" + tenant + "\u0000" + id;
        }

        /** The endpoint a delivery's destination names, or null when it is a configured webhook's URL. */
        static Ref parse(String destination) {
            if (!destination.startsWith("\u0000endpoint\u0000")) {
                return null;
            }
            int start = "\u0000endpoint\u0000".length();
            int separator = destination.indexOf('\u0000', start);
            return separator < 0 ? null : new Ref(destination.substring(start, separator),
                    destination.substring(separator + 1));
        }
    }

    private final WebhookEndpoints config;
    private final EndpointUrls urls;
    private final StateStore store;
    /** Tenants that stored an endpoint row since the twin started (or held one when it started). */
    private final Set<String> tenants = ConcurrentHashMap.newKeySet();

    TenantEndpoints(WebhookEndpoints config, StateStore store) {
        this.config = config;
        this.urls = new EndpointUrls(config.allowHosts());
        this.store = store;
        for (String tenant : store.tenants()) {
            if (store.inTransaction(tenant, tables -> tables.count(config.table()) > 0)) {
                tenants.add(tenant); // a --state file or a reload: endpoints stored before
            }
        }
    }

    String table() {
        return config.table();
    }

    EndpointUrls urls() {
        return urls;
    }

    int maxAttempts() {
        return config.maxAttempts();
    }

    dev.twin.replayer.config.Webhook.Signature signature() {
        return config.signature();
    }

    /** Refuses a transaction that stores an endpoint whose URL is not loopback or an allowed host. */
    CommitCheck urlCheck() {
        return (TenantTables tables) -> {
            for (Row row : tables.written(config.table())) {
                JsonNode url = row.storedField(config.urlField());
                String problem = url == null || url.isNull() ? null : urls.problem(url.asText());
                if (problem != null) {
                    throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, problem, config.urlField()));
                }
            }
        };
    }

    /** Notes the tenants whose committed changes stored an endpoint. */
    void changed(String tenant, List<RowChange> changes) {
        for (RowChange change : changes) {
            if (change.after() != null && change.table().equals(config.table())) {
                tenants.add(tenant);
                return;
            }
        }
    }

    boolean mayHave(String tenant) {
        return tenants.contains(tenant);
    }

    /** The tenant's enabled endpoints that want events of this type (read in a transaction of the tenant). */
    List<Target> wanting(String tenant, String type) {
        return store.inTransaction(tenant, tables -> wanting(tables, type));
    }

    /** The enabled endpoints that want events of this type among the rows of {@code tables}. */
    List<Target> wanting(TenantTables tables, String type) {
        List<Target> targets = new ArrayList<>();
        if (tables.count(config.table()) == 0) {
            return targets; // most tenants: no endpoint, no list
        }
        for (Row row : tables.list(config.table())) {
            if (wants(row.storedField(config.eventsField()), type)) {
                Target target = target(row);
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    /** The endpoint as it is now, if it still exists, is enabled and has an allowed URL (read in a transaction). */
    Target target(Ref ref) {
        return store.inTransaction(ref.tenant(), tables -> tables.get(config.table(), ref.id()).map(this::target)
                .orElse(null));
    }

    private Target target(Row row) {
        if (!row.isListed() || !enabled(row)) {
            return null;
        }
        URI url = uri(row.storedField(config.urlField()));
        if (url == null || !urls.allows(url)) {
            return null;
        }
        JsonNode secret = config.secretField() == null ? null : row.storedField(config.secretField());
        return new Target(row.id(), url, secret == null || secret.isNull() ? null : secret.asText());
    }

    private boolean enabled(Row row) {
        if (config.enabled() == null) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(config.enabled().evaluate(new MapContext(Map.of("row",
                    PlainValues.toPlain(row.data())))));
        } catch (JexlException e) {
            return false;
        }
    }

    private static boolean wants(JsonNode events, String type) {
        if (events == null || events.isNull()) {
            return false;
        }
        if (events.isTextual()) {
            return OperationGlob.of(events.textValue()).matches(type);
        }
        for (JsonNode event : events) {
            if (event.isTextual() && OperationGlob.of(event.textValue()).matches(type)) {
                return true;
            }
        }
        return false;
    }

    private static URI uri(JsonNode url) {
        if (url == null || !url.isTextual()) {
            return null;
        }
        try {
            return new URI(url.textValue());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
