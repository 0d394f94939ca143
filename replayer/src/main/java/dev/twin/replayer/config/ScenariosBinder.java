package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code scenarios:}. Expressions and templates are parsed now; whether each operation glob matches an
 * imported operation is checked by the server, which knows the operations.
 */
final class ScenariosBinder {
    private ScenariosBinder() {
    }

    static List<Scenario> bind(YamlMapping root) {
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        for (YamlMapping entry : root.mappings("scenarios")) {
            Scenario scenario = bindOne(entry, names);
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        return scenarios;
    }

    private static Scenario bindOne(YamlMapping m, Map<String, SourceLocation> names) {
        int before = m.context().problems().size();
        m.allowOnly("name", "when", "then");
        String name = m.requiredString("name");
        if (name != null) {
            SourceLocation earlier = names.putIfAbsent(name, m.location("name"));
            if (earlier != null) {
                m.problem("name", "duplicate scenario '" + name + "' (also at " + earlier + ")");
            }
        }
        Set<String> scope = new LinkedHashSet<>(Scenario.VARIABLES);
        List<String> operations = null;
        Expression match = null;
        YamlMapping when = m.require("when") ? m.mapping("when") : null;
        if (when != null) {
            when.allowOnly("operation", "match");
            operations = when.require("operation") ? SandboxBinding.globs(when, "operation") : null;
            match = when.has("match") ? ExpressionReader.read(when, when.pointer("match"),
                    when.node().get("match"), scope) : null;
        }
        YamlMapping then = m.require("then") ? m.mapping("then") : null;
        ScenarioAnswer answer = then == null ? null : answer(then, scope);
        if (name == null || operations == null || answer == null || m.context().problems().size() > before) {
            return null;
        }
        return new Scenario(name, operations, match, answer, m.location(), m.pointer());
    }

    private static ScenarioAnswer answer(YamlMapping t, Set<String> scope) {
        t.allowOnly("status", "error", "body", "set", "latency", "fault", "headers");
        Integer status = t.integer("status", null, 100, 599);
        ScenarioError error = t.has("error") ? error(t.mapping("error")) : null;
        if (t.has("error") && t.has("body")) {
            t.problem("body", "a scenario answers with an error or a body, not both");
        }
        JsonNode body = t.raw("body");
        Templates.check(t, "body", TemplateScope.SCENARIO);
        Map<String, Expression> set = new LinkedHashMap<>();
        YamlMapping setMapping = t.mapping("set");
        if (setMapping != null) {
            setMapping.node().fields().forEachRemaining(field -> {
                Expression expression = ExpressionReader.read(setMapping, setMapping.pointer(field.getKey()),
                        field.getValue(), scope);
                if (expression != null) {
                    set.put(field.getKey(), expression);
                }
            });
        }
        LatencySpec latency = SandboxBinding.latency(t, "latency");
        FaultType fault = SandboxBinding.fault(t, "fault");
        if (t.has("fault") && (t.has("error") || t.has("body") || t.has("set"))) {
            t.problem("fault", "a fault replaces the answer: remove error, body and set, or the fault");
        }
        if (java.util.stream.Stream.of("status", "error", "body", "set", "latency", "fault", "headers")
                .noneMatch(t::has)) {
            t.problem("nothing to do: give at least one of status, error, body, set, latency, fault");
        }
        return new ScenarioAnswer(status, error, body, set, latency, fault, t.stringMap("headers"));
    }

    private static ScenarioError error(YamlMapping e) {
        if (e == null) {
            return null;
        }
        e.allowOnly("kind", "status", "type", "code", "message", "param", "extra", "rowField");
        ErrorKind kind = e.has("kind") ? e.enumValue("kind", ErrorKind.class, null) : null;
        boolean ok = e.require("kind") && kind != null;
        JsonNode code = e.raw("code");
        if (code != null && !code.isValueNode()) {
            e.problem("code", "expected a string or a number, got " + YamlMapping.describe(code, null));
            ok = false;
        }
        String message = e.requiredString("message");
        Templates.check(e, "message", TemplateScope.SCENARIO);
        Templates.check(e, "extra", TemplateScope.SCENARIO);
        ObjectNode extra = e.objectNode("extra");
        Integer status = e.integer("status", null, 100, 599);
        return ok && message != null ? new ScenarioError(kind, status, e.string("type"), code, message,
                e.string("param"), extra, e.name("rowField")) : null;
    }
}
