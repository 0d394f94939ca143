package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the transcript of a flow run against the real API (recorded) with the same flow run against the twin,
 * step by step, as the client saw them.
 *
 * <p>Per step: the request sent (method, path and query), the status, the kept headers and the body must be equal.
 * JSON bodies are compared as JSON values (key order and formatting do not matter, {@code 1} and {@code 1.0} are
 * equal, {@code 1} and {@code "1"} are not), leaf by leaf at a JSON path ({@code $.node.nodes[0].key}); other bodies
 * as text. When the statuses differ the body is not compared (both 2xx: it is still read for minted values, so later
 * steps find the resource).
 *
 * <p>Minted values are mapped, nothing else. A twin value is taken as minted when all of these hold:
 * <ul>
 *   <li>it is a {@link MintedValues mint candidate} (an id-named integer or digit string, or a generated-looking
 *       string) and so is the recorded value at the same JSON path of the same step, with the same shape;</li>
 *   <li>it is its first appearance among the twin run's candidates, and the recorded value's among the recorded
 *       run's (a value already seen stands for something already known);</li>
 *   <li>neither was sent by the client in that run up to and including this step (an echo is not minted).</li>
 * </ul>
 * From then on the twin value reads as the recorded one everywhere: later JSON values, strings and headers holding it
 * as a token, and request paths (a minted number only as a whole path segment). A second twin value that would stand
 * for an already mapped recorded value is a divergence, and so is a mapped value met where the recording has another.
 *
 * An {@code ETag} that is, in both runs, the same digest ({@link BodyDigest}) of that run's own body, where the
 * bodies compare equal with minted values mapped, is equal too: it is derived from the minted values alone.
 *
 * <p>Server clock readings are the known unrevealable class: two ISO-8601 date-times, or two unix times in seconds
 * (or both in milliseconds), each within a day of now, at the same JSON path are equal. A difference the API lists in
 * {@link CorpusApi#unrevealable()} (the whole step, or one place in it) is reported as unrevealable with the API's
 * reason, not as a divergence; a different status is always a divergence.
 */
public final class TranscriptComparison {
    /** What one step came to. */
    public record StepOutcome(String step, String method, String path, int recordedStatus, Integer twinStatus,
                              List<StepDivergence> divergences, List<StepDivergence> unrevealable) {
        public boolean equal() {
            return divergences.isEmpty() && unrevealable.isEmpty();
        }
    }

    /** The whole comparison: per step, and the minted values mapped (twin value to recorded value). */
    public record Result(List<StepOutcome> steps, Map<String, String> minted) {
        public List<StepDivergence> divergences() {
            return steps.stream().flatMap(s -> s.divergences().stream()).toList();
        }

        public List<StepDivergence> unrevealable() {
            return steps.stream().flatMap(s -> s.unrevealable().stream()).toList();
        }
    }

    private final MintedValues minted = new MintedValues();
    private final ServerClock clock;
    private final Set<String> seenRecorded = new HashSet<>();
    private final Set<String> seenTwin = new HashSet<>();
    private final Set<String> sentRecorded = new HashSet<>();
    private final Set<String> sentTwin = new HashSet<>();

    private TranscriptComparison(Instant now) {
        this.clock = new ServerClock(now);
    }

    /**
     * @param unrevealable the API's {@link CorpusApi#unrevealable()}: a step name, or a step name and a place in
     *                     it, to why
     * @throws IllegalStateException when the two runs did not take the same steps (the flow is not deterministic)
     */
    public static Result compare(Transcript recorded, Transcript twin, Map<String, String> unrevealable) {
        return new TranscriptComparison(Instant.now()).run(recorded, twin, new Unrevealable(unrevealable));
    }

    private Result run(Transcript recorded, Transcript twin, Unrevealable unrevealable) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < recorded.steps().size(); i++) {
            Step real = recorded.steps().get(i);
            if (i >= twin.steps().size()) {
                outcomes.add(new StepOutcome(real.name(), real.method(), real.path(), real.status(), null,
                        List.of(new StepDivergence(real.name(), "step", "answered " + real.status(),
                                "never sent: " + (twin.failure() == null ? "the flow ended" : twin.failure()))),
                        List.of()));
                continue;
            }
            Step copy = twin.steps().get(i);
            if (!real.name().equals(copy.name())) {
                throw new IllegalStateException("the flow is not deterministic: step " + (i + 1) + " is '"
                        + real.name() + "' against the real API and '" + copy.name() + "' against the twin");
            }
            sentRecorded.addAll(recorded.requests().get(i).values());
            sentTwin.addAll(twin.requests().get(i).values());
            outcomes.add(step(real, copy, unrevealable));
        }
        for (int i = recorded.steps().size(); i < twin.steps().size(); i++) {
            Step extra = twin.steps().get(i);
            outcomes.add(new StepOutcome(extra.name(), extra.method(), extra.path(), 0, extra.status(),
                    List.of(new StepDivergence(extra.name(), "step", "never sent: " + (recorded.failure() == null
                            ? "the flow ended" : recorded.failure()), "answered " + extra.status())), List.of()));
        }
        return new Result(outcomes, minted.twinToRecorded());
    }

    private StepOutcome step(Step real, Step copy, Unrevealable unrevealable) {
        List<StepDivergence> found = new ArrayList<>();
        String twinRequest = copy.method() + " " + minted.rewrite(copy.path());
        String realRequest = real.method() + " " + real.path();
        if (!realRequest.equals(twinRequest)) {
            found.add(new StepDivergence(real.name(), "request", realRequest, twinRequest));
        }
        if (real.status() != copy.status()) {
            found.add(new StepDivergence(real.name(), "status", String.valueOf(real.status()),
                    String.valueOf(copy.status())));
            if (isSuccess(real.status()) && isSuccess(copy.status())) {
                body(real, copy, new ArrayList<>());
            }
        } else {
            List<StepDivergence> inBody = new ArrayList<>();
            body(real, copy, inBody);
            found.addAll(inBody);
            headers(real, copy, inBody.isEmpty(), found);
        }
        List<StepDivergence> divergences = found.stream()
                .filter(d -> unrevealable.why(d) == null).toList();
        List<StepDivergence> unexplained = found.stream()
                .filter(d -> unrevealable.why(d) != null).toList();
        return new StepOutcome(real.name(), real.method(), real.path(), real.status(), copy.status(), divergences,
                unexplained);
    }

    private void body(Step real, Step copy, List<StepDivergence> found) {
        JsonNode recordedJson = real.json();
        JsonNode twinJson = copy.json();
        if (!recordedJson.isMissingNode() && !twinJson.isMissingNode()) {
            json(real.name(), "$", null, recordedJson, twinJson, found);
        } else if (!real.body().equals(minted.rewrite(copy.body()))) {
            found.add(new StepDivergence(real.name(), "body", quoteOrEmpty(real.body()), quoteOrEmpty(copy.body())));
        }
    }

    /** @param bodiesMapEqual the bodies compared equal, minted values mapped */
    private void headers(Step real, Step copy, boolean bodiesMapEqual, List<StepDivergence> found) {
        Set<String> names = new TreeSet<>(real.headers().keySet());
        names.addAll(copy.headers().keySet());
        for (String name : names) {
            String recorded = real.headers().get(name);
            String twin = copy.headers().get(name);
            if (bodiesMapEqual && name.equalsIgnoreCase("etag") && BodyDigest.sameScheme(recorded, real.body(),
                    twin, copy.body())) {
                continue; // each the same digest of its own body, and the bodies differ only by minted values
            }
            if (twin == null || recorded == null || !recorded.equals(minted.rewrite(twin))) {
                found.add(new StepDivergence(real.name(), "header " + name, recorded, twin));
            }
        }
    }

    private void json(String step, String path, String key, JsonNode recorded, JsonNode twin,
                      List<StepDivergence> found) {
        if (recorded.isObject() && twin.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + member(field.getKey());
                JsonNode other = twin.get(field.getKey());
                if (other == null) {
                    found.add(new StepDivergence(step, at, field.getValue().toString(), null));
                    see(field.getKey(), field.getValue(), MissingNode.getInstance());
                } else {
                    json(step, at, field.getKey(), field.getValue(), other, found);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = twin.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!recorded.has(field.getKey())) {
                    found.add(new StepDivergence(step, path + member(field.getKey()), null,
                            field.getValue().toString()));
                    see(field.getKey(), MissingNode.getInstance(), field.getValue());
                }
            }
        } else if (recorded.isArray() && twin.isArray()) {
            for (int i = 0; i < Math.max(recorded.size(), twin.size()); i++) {
                String at = path + "[" + i + "]";
                if (i >= twin.size()) {
                    found.add(new StepDivergence(step, at, recorded.get(i).toString(), null));
                    see(key, recorded.get(i), MissingNode.getInstance());
                } else if (i >= recorded.size()) {
                    found.add(new StepDivergence(step, at, null, twin.get(i).toString()));
                    see(key, MissingNode.getInstance(), twin.get(i));
                } else {
                    json(step, at, key, recorded.get(i), twin.get(i), found);
                }
            }
        } else if (recorded.isContainerNode() || twin.isContainerNode()) {
            found.add(new StepDivergence(step, path, recorded.toString(), twin.toString()));
            see(key, recorded, twin);
        } else {
            leaf(step, path, key, recorded, twin, found);
        }
    }

    private void leaf(String step, String path, String key, JsonNode recorded, JsonNode twin,
                      List<StepDivergence> found) {
        // an id that drew no digit and few case changes (on either side) is a candidate too when it has the shape of
        // the other side's candidate: a random base62 id looks like a word one draw in a few hundred
        boolean recordedLooks = MintedValues.isCandidate(key, recorded);
        boolean twinLooks = MintedValues.isCandidate(key, twin);
        boolean shaped = (recordedLooks || twinLooks) && recorded.isTextual() && twin.isTextual()
                && MintedValues.sameShape(recorded.asText(), twin.asText());
        boolean recordedCandidate = recordedLooks || shaped;
        boolean twinCandidate = twinLooks || shaped;
        JsonNode translated = twinCandidate ? minted.toRecorded(twin)
                : twin.isTextual() ? com.fasterxml.jackson.databind.node.TextNode.valueOf(minted.rewrite(twin.asText()))
                : twin;
        if (sameValue(recorded, translated)) {
            see(key, recorded, twin);
            return;
        }
        String recordedText = recorded.asText();
        String twinText = twin.asText();
        boolean minted = recordedCandidate && twinCandidate
                && recorded.isNumber() == twin.isNumber()
                && !seenRecorded.contains(recordedText) && !seenTwin.contains(twinText)
                && !sentRecorded.contains(recordedText) && !sentTwin.contains(twinText)
                && MintedValues.sameShape(recordedText, twinText);
        if (minted) {
            String other = this.minted.twinValueFor(recordedText);
            if (other != null) {
                found.add(new StepDivergence(step, path, recorded.toString(),
                        twin + " (a second twin value for the recorded one, already the twin's " + other + ")"));
            } else {
                this.minted.map(twinText, recordedText);
            }
        } else if (!clock.bothReadings(recorded, twin)) {
            found.add(new StepDivergence(step, path, recorded.toString(), translated.equals(twin) ? twin.toString()
                    : twin + " (stands for " + translated + ")"));
        }
        see(key, recorded, twin);
    }

    /** Notes the mint candidates of both sides as seen (anywhere inside the values). */
    private void see(String key, JsonNode recorded, JsonNode twin) {
        note(key, recorded, seenRecorded);
        note(key, twin, seenTwin);
    }

    private static void note(String key, JsonNode value, Set<String> seen) {
        if (value.isObject()) {
            value.fields().forEachRemaining(f -> note(f.getKey(), f.getValue(), seen));
        } else if (value.isArray()) {
            value.forEach(element -> note(key, element, seen));
        } else if (MintedValues.isCandidate(key, value)) {
            seen.add(value.asText());
        }
    }

    private static boolean sameValue(JsonNode recorded, JsonNode twin) {
        if (recorded.isNumber() && twin.isNumber()) {
            return recorded.decimalValue().compareTo(twin.decimalValue()) == 0;
        }
        return recorded.equals(twin);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String member(String key) {
        return key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + key : "['" + key.replace("'", "\\'") + "']";
    }

    private static String quoteOrEmpty(String body) {
        return body.isEmpty() ? "(empty)" : '"' + body + '"';
    }
}
