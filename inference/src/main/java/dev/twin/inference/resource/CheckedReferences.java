package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.AnswerText;
import dev.twin.replayer.config.CreateRule;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Sent fields a create refuses unless they name a row of another table ({@code create.exists}): a book's
 * {@code author} must be an author's id, as Django REST framework's related fields, Rails' {@code belongs_to} or a
 * database's foreign key check. Evidence, from every create in recording order against the rows of the other tables
 * as last seen: every successful create that sent the field named a row of that table, at least two did, and a create
 * answered 4xx sent a value naming none. The refusal's body becomes the answer, with the value sent replaced by
 * {@code {{sent}}} wherever a text held it. Between tables that fit, one named like the field wins.
 */
public final class CheckedReferences {
    private static final int MANY_NAMED = 2;
    private final List<Resource> resources;
    private final BiFunction<String, String, JsonNode> latestRow;
    private final Map<Resource, Map<Candidate, Evidence>> candidates = new LinkedHashMap<>();

    /** @param latestRow the row of a table (by name) as last seen under an id, or null */
    public CheckedReferences(List<Resource> resources, BiFunction<String, String, JsonNode> latestRow) {
        this.resources = resources;
        this.latestRow = latestRow;
    }

    private record Candidate(String field, String table) {
    }

    private static final class Evidence {
        boolean holds = true;
        int named;
        Integer status;
        JsonNode body;
        boolean oneAnswer = true;
    }

    /** A create, successful or refused: what was sent, its status and its answer. */
    public void attempt(Resource resource, JsonNode sent, int status, JsonNode answer) {
        if (sent == null || !sent.isObject() || (status >= 300 && (status < 400 || status >= 500))) {
            return;
        }
        boolean ok = status < 300;
        Map<Candidate, Evidence> known = candidates.computeIfAbsent(resource, r -> new LinkedHashMap<>());
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull() || value.asText().isEmpty()
                    || field.getKey().equals(resource.idField)) {
                continue;
            }
            for (Resource other : resources) {
                if (other == resource) {
                    continue;
                }
                boolean names = latestRow.apply(other.table(), value.asText()) != null;
                Candidate candidate = new Candidate(field.getKey(), other.table());
                if (ok && names) {
                    known.computeIfAbsent(candidate, c -> new Evidence()).named++;
                } else if (ok) {
                    known.computeIfAbsent(candidate, c -> new Evidence()).holds = false;
                } else if (!names) {
                    Evidence evidence = known.get(candidate);
                    if (evidence != null) { // a refusal counts for a field earlier creates named rows with
                        JsonNode body = answer == null ? null : AnswerText.withSent(answer, value.asText());
                        evidence.oneAnswer &= evidence.status == null
                                || (evidence.status == status && java.util.Objects.equals(evidence.body, body));
                        evidence.status = status;
                        evidence.body = body;
                    }
                }
            }
        }
    }

    /** Writes {@code create.exists} for each field whose evidence holds, with the evidence in the report. */
    public void settle() {
        candidates.forEach((resource, byCandidate) -> {
            if (resource.create == null) {
                return;
            }
            Map<String, List<Map.Entry<Candidate, Evidence>>> byField = new LinkedHashMap<>();
            byCandidate.entrySet().stream().filter(e -> e.getValue().holds && e.getValue().named >= MANY_NAMED
                            && e.getValue().status != null && e.getValue().oneAnswer)
                    .forEach(e -> byField.computeIfAbsent(e.getKey().field(), f -> new ArrayList<>()).add(e));
            byField.forEach((field, fits) -> {
                Map.Entry<Candidate, Evidence> chosen = fits.stream().filter(e -> namedAlike(field,
                        e.getKey().table())).findFirst().orElse(fits.size() == 1 ? fits.get(0) : null);
                if (chosen == null) {
                    resource.evidence.add("create: '" + field + "' named a row of each of " + fits.stream()
                            .map(e -> e.getKey().table()).toList() + " whenever accepted, and was refused naming "
                            + "none; which table it names is not clear (left for a human)");
                    return;
                }
                Evidence evidence = chosen.getValue();
                resource.create.exists.put(field, new CreateRule.Exists(chosen.getKey().table(), evidence.status,
                        evidence.body));
                resource.evidence.add("create: '" + field + "' must name a row of " + chosen.getKey().table()
                        + " — " + evidence.named + " accepted creates named one, a create naming none was refused "
                        + evidence.status + " (its body the refusal, the value sent as {{sent}}; one refusal: low "
                        + "confidence)");
            });
        });
    }

    /** {@code author} and {@code authors}, {@code author_id} and {@code authors}, {@code projectId} and projects. */
    private static boolean namedAlike(String field, String table) {
        String f = field.toLowerCase(Locale.ROOT).replaceAll("[_-]?id$", "");
        String t = table.toLowerCase(Locale.ROOT);
        return !f.isEmpty() && (t.equals(f) || t.equals(f + "s") || t.equals(f + "es") || t.startsWith(f));
    }
}
