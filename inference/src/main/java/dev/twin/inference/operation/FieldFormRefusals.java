package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.inference.schema.BodyReader;
import dev.twin.inference.schema.ValueForm;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedResponse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A text field whose form the server checks, learned from one operation's writes: a write refused (4xx) whose only
 * difference from the accepted ones is that one field's value lacks the form every accepted value of it shares
 * ({@link ValueForm}: fixed-length groups of one alphabet, the same separators). The refusal's status and body are
 * kept, the value sent replaced by {@code {{sent}}} where the body echoed it. Never learned when an accepted value
 * would not match, when the refused write also lacked a field its answer named, or sent a field no accepted write
 * sent. A choice field is the other case: the refusal named one field and echoed a value of it never accepted nor
 * answered, while the values accepted and answered for it were a few short words; its form is one of those words.
 */
public final class FieldFormRefusals {
    private static final int MAX_VALUES = 256;
    private static final int MAX_REFUSALS = 64;
    /** A value shorter than this is not looked for in the refusal's body. */
    private static final int MIN_ECHO = 3;
    /** A choice field's values: a few short words ({@code fiction}, {@code in_progress}). */
    private static final int MAX_CHOICES = 12;
    private static final int MAX_CHOICE_LENGTH = 32;
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /**
     * @param field    the top-level request field
     * @param form     the form every accepted value had
     * @param status   the refusal's status
     * @param body     the refusal's body as a template over {@code sent}: text (answered as plain text) or JSON; null
     *                 when it was neither
     * @param accepted how many accepted values the form was taken from
     * @param refused  the values refused for it
     */
    public record Found(String field, ValueForm form, int status, JsonNode body, int accepted, List<String> refused) {
    }

    private record Refusal(ObjectNode sent, int status, String contentType, String answer) {
    }

    private long successes;
    /** Field → how many successful writes sent it as text, and the distinct values (null once past the bound). */
    private final TreeMap<String, Long> sentAsText = new TreeMap<>();
    private final TreeMap<String, LinkedHashSet<String>> acceptedValues = new TreeMap<>();
    private final TreeMap<String, Long> sentBySuccesses = new TreeMap<>();
    /** Field → the JSON types successful writes sent it as. */
    private final TreeMap<String, EnumSet<JsonNodeType>> typesBySuccesses = new TreeMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    /** Field → the text values successful writes answered for it (the server's own defaults among them). */
    private final TreeMap<String, LinkedHashSet<String>> answeredValues = new TreeMap<>();

    /** @param answer the response's JSON, or null */
    void accept(JsonNode input, RecordedResponse response, JsonNode answer) {
        int status = response.status();
        if (input == null || !input.isObject()) {
            return;
        }
        if (status >= 200 && status < 300) {
            successes++;
            noteAnswered(response.body().truncated() ? null : answer);
            input.fields().forEachRemaining(f -> {
                sentBySuccesses.merge(f.getKey(), 1L, Long::sum);
                typesBySuccesses.computeIfAbsent(f.getKey(), k -> EnumSet.noneOf(JsonNodeType.class))
                        .add(f.getValue().getNodeType());
                if (f.getValue().isTextual()) {
                    sentAsText.merge(f.getKey(), 1L, Long::sum);
                    if (acceptedValues.containsKey(f.getKey()) && acceptedValues.get(f.getKey()) == null) {
                        return;
                    }
                    LinkedHashSet<String> values = acceptedValues.computeIfAbsent(f.getKey(),
                            k -> new LinkedHashSet<>());
                    values.add(f.getValue().textValue());
                    if (values.size() > MAX_VALUES) {
                        acceptedValues.put(f.getKey(), null); // too many to be sure of the form of the rest
                    }
                }
            });
        } else if (status >= 400 && status < 500 && refusals.size() < MAX_REFUSALS && !response.body().truncated()) {
            refusals.add(new Refusal(((ObjectNode) input).deepCopy(), status,
                    Headers.first(response.headers(), "Content-Type").orElse(""), response.body().text()));
        }
    }

    private void noteAnswered(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return;
        }
        answer.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual() && f.getValue().textValue().length() <= MAX_CHOICE_LENGTH) {
                LinkedHashSet<String> values = answeredValues.computeIfAbsent(f.getKey(), k -> new LinkedHashSet<>());
                if (values.size() < MAX_CHOICES + 1) {
                    values.add(f.getValue().textValue());
                }
            }
        });
    }

    /** The fields whose form the refusals show the server checks, each with its refusal. */
    public List<Found> found() {
        Map<String, List<Refusal>> byField = new LinkedHashMap<>();
        Map<String, ValueForm> forms = new TreeMap<>();
        for (Refusal refusal : refusals) {
            Optional<String> misfit = misfit(refusal, forms).or(() -> choiceMisfit(refusal, forms));
            misfit.ifPresent(field -> byField.computeIfAbsent(field, f -> new ArrayList<>()).add(refusal));
        }
        List<Found> out = new ArrayList<>();
        byField.forEach((field, refused) -> {
            Refusal first = refused.get(0);
            JsonNode body = template(first, field);
            boolean alike = refused.stream().allMatch(r -> r.status() == first.status()
                    && java.util.Objects.equals(template(r, field), body));
            if (alike) {
                out.add(new Found(field, forms.get(field), first.status(), body, acceptedValues.get(field).size(),
                        refused.stream().map(r -> r.sent().get(field).textValue()).toList()));
            }
        });
        return out;
    }

    /** The one field that sets this refusal apart from the accepted writes, if it is a misfit of form. */
    private Optional<String> misfit(Refusal refusal, Map<String, ValueForm> forms) {
        for (Map.Entry<String, Long> always : sentBySuccesses.entrySet()) {
            if (always.getValue() == successes && !refusal.sent().has(always.getKey())
                    && AnswerText.mentions(refusal.answer(), always.getKey())) {
                return Optional.empty(); // refused for lacking a field it named: the required-field rule's case
            }
        }
        List<String> misfits = new ArrayList<>();
        var fields = refusal.sent().fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!sentBySuccesses.containsKey(field.getKey())
                    || !typesBySuccesses.get(field.getKey()).contains(field.getValue().getNodeType())) {
                return Optional.empty(); // a field no accepted write sent, or sent so, may be the cause as well
            }
            if (!field.getValue().isTextual()) {
                continue;
            }
            ValueForm form = form(field.getKey(), forms);
            if (form != null && !form.matches(field.getValue().textValue())) {
                misfits.add(field.getKey());
            }
        }
        return misfits.size() == 1 ? Optional.of(misfits.get(0)) : Optional.empty();
    }

    /**
     * A choice field: the refusal's answer names one sent text field and echoes its value, a value no accepted write
     * sent nor any answer held, while the values accepted and answered for it are a few short words (Django's
     * {@code "drama" is not a valid choice.}). Its form is then one of those values.
     */
    private Optional<String> choiceMisfit(Refusal refusal, Map<String, ValueForm> forms) {
        for (Map.Entry<String, Long> always : sentBySuccesses.entrySet()) {
            if (always.getValue() == successes && !refusal.sent().has(always.getKey())) {
                return Optional.empty(); // it lacked a field every accepted write sent: that may be the cause
            }
        }
        List<String> named = new ArrayList<>();
        var fields = refusal.sent().fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isTextual() || value.textValue().length() < MIN_ECHO
                    || !AnswerText.mentions(refusal.answer(), field.getKey()) || !refusal.answer().contains(value.textValue())) {
                continue;
            }
            LinkedHashSet<String> choices = choices(field.getKey());
            if (choices != null && !choices.contains(value.textValue())) {
                named.add(field.getKey());
            }
        }
        if (named.size() != 1) {
            return Optional.empty();
        }
        String field = named.get(0);
        LinkedHashSet<String> choices = choices(field);
        forms.put(field, new ValueForm(String.join("|", choices), // words: no character a regex reads
                "one of " + choices));
        return Optional.of(field);
    }

    /** The values accepted or answered for a field, when they are a few short words (null when not). */
    private LinkedHashSet<String> choices(String field) {
        LinkedHashSet<String> accepted = acceptedValues.get(field);
        if (accepted == null || accepted.isEmpty()) {
            return null;
        }
        LinkedHashSet<String> choices = new LinkedHashSet<>(accepted);
        choices.addAll(answeredValues.getOrDefault(field, new LinkedHashSet<>()));
        boolean words = choices.stream().allMatch(v -> v.length() <= MAX_CHOICE_LENGTH && WORD.matcher(v).matches());
        return words && choices.size() >= 2 && choices.size() <= MAX_CHOICES ? choices : null;
    }

    /** The form every accepted value of the field had, when every accepted write sent it as text; else null. */
    private ValueForm form(String field, Map<String, ValueForm> forms) {
        if (forms.containsKey(field)) {
            return forms.get(field);
        }
        LinkedHashSet<String> values = acceptedValues.get(field);
        ValueForm form = values == null || sentAsText.getOrDefault(field, 0L) != successes ? null
                : ValueForm.of(values).orElse(null);
        forms.put(field, form);
        return form;
    }

    /** The refusal's body with the value sent replaced by {@code {{sent}}}: text, JSON, or null for other types. */
    private static JsonNode template(Refusal refusal, String field) {
        String sent = refusal.sent().get(field).textValue();
        // a value of a character or two would be found everywhere in the text, not only where it was echoed
        String echoed = sent.length() < MIN_ECHO ? null : sent;
        String type = refusal.contentType().toLowerCase(Locale.ROOT);
        if (refusal.answer().contains("{{")) {
            return null; // would read as a template
        }
        if (type.contains("json")) {
            JsonNode body = BodyReader.json(dev.twin.recorder.Body.of(refusal.answer()));
            return body == null ? null : AnswerText.withSent(body, echoed);
        }
        if (type.startsWith("text/plain")) {
            return TextNode.valueOf(echoed == null ? refusal.answer() : refusal.answer().replace(echoed, "{{sent}}"));
        }
        return null;
    }
}
