package dev.twin.replayer.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code events:}, {@code webhooks:} and {@code webhookEndpoints:}. */
final class EventsBinder {
    private static final Set<String> SCOPE = new LinkedHashSet<>(List.of("row", "before"));

    private EventsBinder() {
    }

    static EventsConfig events(YamlMapping root, KnownTables tables) {
        YamlMapping m = root.mapping("events");
        if (m == null) {
            return EventsConfig.NONE;
        }
        m.allowOnly("list", "get", "idPrefix", "keep", "keepTotal", "apiVersion", "emit");
        List<EventRule> rules = new ArrayList<>();
        for (YamlMapping r : m.mappings("emit")) {
            r.allowOnly("table", "on", "when", "type");
            String table = r.requiredString("table");
            if (table != null && !tables.contains(table)) {
                r.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
                table = null;
            }
            EventRule.Change on = r.require("on") ? r.enumValue("on", EventRule.Change.class, null) : null;
            Expression when = r.has("when") ? ExpressionReader.read(r, r.pointer("when"), r.node().get("when"), SCOPE)
                    : null;
            String type = r.requiredString("type");
            if (table != null && on != null && type != null && (when != null || !r.has("when"))) {
                rules.add(new EventRule(table, on, when, type, r.location()));
            }
        }
        return new EventsConfig(m.string("list"), m.string("get"), m.string("idPrefix", "evt_"),
                m.integer("keep", EventsConfig.DEFAULT_KEEP, 1, 1_000_000),
                m.integer("keepTotal", EventsConfig.DEFAULT_KEEP_TOTAL, 1, 10_000_000), m.string("apiVersion"), rules);
    }

    static List<Webhook> webhooks(YamlMapping root) {
        List<Webhook> webhooks = new ArrayList<>();
        for (YamlMapping w : root.mappings("webhooks")) {
            w.allowOnly("url", "events", "secret", "signature", "maxAttempts");
            URI url = url(w);
            List<String> events = w.has("events") ? SandboxBinding.globs(w, "events") : List.of("*");
            Webhook.Signature signature = w.enumValue("signature", Webhook.Signature.class, Webhook.Signature.NONE);
            String secret = w.string("secret");
            if (signature == Webhook.Signature.STRIPE && secret == null) {
                w.problem("secret", "required with signature: stripe (the endpoint's signing secret, whsec_...)");
            }
            int maxAttempts = w.integer("maxAttempts", 5, 1, 20);
            if (url != null && events != null && (signature != Webhook.Signature.STRIPE || secret != null)) {
                webhooks.add(new Webhook(url, events, secret, signature, maxAttempts, w.location("url")));
            }
        }
        return webhooks;
    }

    static WebhookEndpoints webhookEndpoints(YamlMapping root, KnownTables tables) {
        YamlMapping m = root.mapping("webhookEndpoints");
        if (m == null) {
            return null;
        }
        m.allowOnly("table", "fields", "enabled", "signature", "allowHosts", "maxAttempts");
        String table = m.requiredString("table");
        if (table != null && !tables.contains(table)) {
            m.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
            table = null;
        }
        Map<String, String> fields = new LinkedHashMap<>(Map.of("url", "url", "events", "enabled_events",
                "secret", "secret"));
        Map<String, String> written = m.nameMap("fields", Set.of("url", "events", "secret"));
        if (written != null) {
            written.forEach((key, value) -> {
                if (value != null) {
                    fields.put(key, value);
                }
            });
        }
        Expression enabled = m.has("enabled")
                ? ExpressionReader.read(m, m.pointer("enabled"), m.node().get("enabled"), Set.of("row")) : null;
        Webhook.Signature signature = m.enumValue("signature", Webhook.Signature.class, Webhook.Signature.NONE);
        List<String> hosts = new ArrayList<>();
        List<String> allow = m.has("allowHosts") ? m.strings("allowHosts") : List.of();
        if (allow != null) {
            for (int i = 0; i < allow.size(); i++) {
                String host = allow.get(i).trim().toLowerCase(java.util.Locale.ROOT);
                if (host.isEmpty() || host.contains("/") || host.contains(":") || host.contains("*")) {
                    m.context().problem(ConfigProblems.child(m.pointer("allowHosts"), i), "expected a host name "
                            + "such as hooks.example.com (no scheme, port, path or wildcard), got '" + allow.get(i) + "'");
                } else {
                    hosts.add(host);
                }
            }
        }
        int maxAttempts = m.integer("maxAttempts", 5, 1, 20);
        if (table == null || m.has("enabled") && enabled == null) {
            return null;
        }
        return new WebhookEndpoints(table, fields.get("url"), fields.get("events"), fields.get("secret"), enabled,
                signature, hosts, maxAttempts, m.location("table"));
    }

    private static URI url(YamlMapping w) {
        String text = w.requiredString("url");
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                w.problem("url", "expected an http:// or https:// URL with a host, got '" + text + "'");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            w.problem("url", "not a URL: " + e.getMessage());
            return null;
        }
    }
}
