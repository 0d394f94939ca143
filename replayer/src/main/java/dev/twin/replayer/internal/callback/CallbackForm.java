package dev.twin.replayer.internal.callback;

import dev.twin.replayer.config.CallbackRule;
import dev.twin.replayer.internal.convention.ExpressionRow;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TimeVariable;
import dev.twin.replayer.internal.state.RowChange;
import org.apache.commons.jexl3.MapContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Works out the callback a rule makes of one committed row change: whether it applies ({@code when}), where it
 * goes ({@code url}, {@code method}), the form fields ({@code params}; null ones left out, lists joined with
 * commas) and the signature, all over the row as committed. Runs on the committing thread.
 */
final class CallbackForm {
    private CallbackForm() {
    }

    /**
     * @param password the password the tenant last authenticated with, or null
     * @return the callback, or null when the rule's {@code when} does not hold or the row names no URL
     * @throws org.apache.commons.jexl3.JexlException when an expression cannot be evaluated
     */
    static CallbackRequest of(String tenant, CallbackRule rule, RowShaper shaper, RowChange change, String password) {
        MapContext variables = new MapContext();
        Map<String, Object> row = ExpressionRow.of(shaper, change.after());
        variables.set("row", row);
        variables.set("before", change.before() == null ? null : ExpressionRow.of(shaper, change.before()));
        variables.set("time", TimeVariable.of(change.after().updatedAtMillis()));
        if (rule.when() != null && !Boolean.TRUE.equals(rule.when().evaluate(variables))) {
            return null;
        }
        String written = text(rule.url().evaluate(variables));
        if (written == null || written.isBlank()) {
            return null; // the client asked for no callback
        }
        String method = rule.method() == null ? null : text(rule.method().evaluate(variables));
        boolean get = method != null && method.equalsIgnoreCase("GET");
        Map<String, String> params = new LinkedHashMap<>();
        rule.params().forEach((name, expression) -> {
            String value = text(expression.evaluate(variables));
            if (value != null) {
                params.put(name, value);
            }
        });
        String form = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String target = written.strip();
        if (get && !form.isEmpty()) {
            target = target + (target.contains("?") ? "&" : "?") + form;
        }
        URI url;
        String note = null;
        try {
            url = new URI(target);
        } catch (URISyntaxException e) {
            url = null;
            note = "not a URL: " + e.getMessage();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (rule.signature() == CallbackRule.Signature.TWILIO) {
            MapContext keyVariables = new MapContext();
            keyVariables.set("row", row);
            keyVariables.set("password", password);
            String key = text(rule.signingKey().evaluate(keyVariables));
            if (key == null || key.isEmpty()) {
                note = note != null ? note
                        : "sent unsigned: no signing key (the tenant sent no password since the twin started)";
            } else {
                headers.put(TwilioSignature.HEADER, TwilioSignature.of(key, target, get ? Map.of() : params));
            }
        }
        return new CallbackRequest(tenant, rule.name(), rule.table(), change.id(), get ? "GET" : "POST", target, url,
                params, get ? null : form, headers, note, rule.maxAttempts());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && !Double.isInfinite(number)
                    ? String.valueOf((long) number) : String.valueOf(number);
        }
        return String.valueOf(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
