package dev.twin.replayer.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds {@code callbacks:}. */
final class CallbacksBinder {
    /** A host name or an IP literal, optionally with a leading {@code *.} for every subdomain. */
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9a-fA-F:.]+]");

    private CallbacksBinder() {
    }

    static CallbacksConfig bind(YamlMapping root, KnownTables tables) {
        YamlMapping m = root.mapping("callbacks");
        if (m == null) {
            return CallbacksConfig.NONE;
        }
        m.allowOnly("allowHosts", "send");
        List<String> hosts = new ArrayList<>();
        List<String> written = m.has("allowHosts") ? m.strings("allowHosts") : List.of();
        for (int i = 0; written != null && i < written.size(); i++) {
            String host = written.get(i).strip().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                m.context().problem(ConfigProblems.child(m.pointer("allowHosts"), i), "expected a host name "
                        + "(api.example.com, *.example.com) or an IP address, got '" + written.get(i) + "'");
            } else {
                hosts.add(host);
            }
        }
        List<CallbackRule> rules = new ArrayList<>();
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        List<YamlMapping> entries = m.mappings("send");
        for (int i = 0; i < entries.size(); i++) {
            CallbackRule rule = rule(entries.get(i), i, tables, names);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new CallbacksConfig(hosts, rules);
    }

    private static CallbackRule rule(YamlMapping r, int index, KnownTables tables, Map<String, SourceLocation> names) {
        int before = r.context().problems().size();
        r.allowOnly("name", "table", "when", "url", "method", "params", "signature", "signingKey", "maxAttempts");
        String name = r.string("name", "callback-" + index);
        SourceLocation earlier = names.putIfAbsent(name, r.location());
        if (earlier != null) {
            r.problem("name", "duplicate callback '" + name + "' (also at " + earlier + ")");
        }
        String table = r.requiredString("table");
        if (table != null && !tables.contains(table)) {
            r.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
        }
        Set<String> scope = new LinkedHashSet<>(CallbackRule.VARIABLES);
        Expression when = expression(r, "when", scope);
        Expression url = r.require("url") ? expression(r, "url", scope) : null;
        Expression method = expression(r, "method", scope);
        YamlMapping paramMapping = r.mapping("params");
        Map<String, Expression> params = paramMapping == null ? Map.of()
                : LifecyclesBinder.expressions(paramMapping, scope);
        CallbackRule.Signature signature = r.enumValue("signature", CallbackRule.Signature.class,
                CallbackRule.Signature.NONE);
        Expression signingKey = r.has("signingKey")
                ? expression(r, "signingKey", new LinkedHashSet<>(CallbackRule.KEY_VARIABLES))
                : Expressions.compile("password", r.location());
        if (r.has("signingKey") && signature == CallbackRule.Signature.NONE) {
            r.problem("signingKey", "only used with a signature (signature: twilio)");
        }
        int maxAttempts = r.integer("maxAttempts", 1, 1, 20);
        if (table == null || url == null || r.context().problems().size() > before) {
            return null;
        }
        return new CallbackRule(name, table, when, url, method, params, signature, signingKey, maxAttempts,
                r.location());
    }

    private static Expression expression(YamlMapping m, String key, Set<String> scope) {
        return m.has(key) ? ExpressionReader.read(m, m.pointer(key), m.raw(key), scope) : null;
    }
}
