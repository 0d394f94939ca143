package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code $ref} of a spec that twin cannot follow (one pointing at nothing in the document, or into another
 * document: twin reads one file), and the operations that reach it, directly or through components that refer to
 * one another. Those operations cannot be validated or answered as the spec means them; the rest of the spec can.
 */
final class SpecReferences {
    private static final int OPERATIONS_NAMED = 3;

    /**
     * A {@code $ref} written at {@code at} (a pointer) naming {@code target} as written; {@code cycle} is, for one
     * in a cycle of bare references, the components it goes round ({@code A → B → A}), else null.
     */
    private record Ref(String at, String target, String cycle) {
        Ref(String at, String target) {
            this(at, target, null);
        }
    }

    private static final int MAX_CHAIN = 64;
    /** Keys a reference object may have beside {@code $ref} (3.1) and still be nothing but the reference. */
    private static final Set<String> REFERENCE_KEYS = Set.of("$ref", "description", "summary");

    private final JsonNode document;
    private final List<Ref> unfollowable = new ArrayList<>();
    /** The cycles of bare references found, each once, by the sorted pointers going round it. */
    private final Set<List<String>> cycles = new HashSet<>();
    /** Owner (an operation, a path's shared parameters, a component) to the owners its references lead to. */
    private final Map<String, Set<String>> leadsTo = new HashMap<>();

    private SpecReferences(JsonNode document) {
        this.document = document;
    }

    /** One warning per reference twin cannot follow, naming the operations that answer 501 because of it. */
    static List<SpecProblem> problems(JsonNode document) {
        SpecReferences references = new SpecReferences(document);
        references.collect(document, "", null, null);
        return references.problems();
    }

    private List<SpecProblem> problems() {
        if (unfollowable.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> reachedFrom = new HashMap<>();
        leadsTo.forEach((from, targets) -> targets.forEach(target ->
                reachedFrom.computeIfAbsent(target, t -> new HashSet<>()).add(from)));
        List<String> operations = operations();
        List<SpecProblem> problems = new ArrayList<>();
        for (Ref ref : unfollowable) {
            Set<String> owners = upstream(owner(ref.at()), reachedFrom);
            List<String> affected = operations.stream()
                    .filter(op -> owners.contains(op) || owners.contains(pathParameters(op))).toList();
            String why = ref.cycle() != null ? "goes round a cycle of references that never reaches a schema ("
                    + ref.cycle() + ")" : ref.target().startsWith("#") ? "points at nothing in this document"
                    : "is in another document; twin reads one file and does not follow it";
            problems.add(SpecProblem.warning(ref.at(), ref.at() + ": $ref '" + ref.target() + "' " + why
                    + consequence(affected)).keeping(affected));
        }
        return problems;
    }

    /** Every owner whose references lead, in any number of steps, to {@code start} (itself included). */
    private static Set<String> upstream(String start, Map<String, Set<String>> reachedFrom) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        next.add(start);
        while (!next.isEmpty()) {
            String owner = next.poll();
            if (seen.add(owner)) {
                next.addAll(reachedFrom.getOrDefault(owner, Set.of()));
            }
        }
        return seen;
    }

    private static String consequence(List<String> affected) {
        if (affected.isEmpty()) {
            return " (no operation uses it)";
        }
        List<String> named = affected.stream().limit(OPERATIONS_NAMED).map(SpecReferences::label).toList();
        String more = affected.size() > OPERATIONS_NAMED ? " and " + (affected.size() - OPERATIONS_NAMED) + " more"
                : "";
        return "; " + String.join(", ", named) + more + (affected.size() == 1 ? " answers" : " answer")
                + " 501 until it is fixed";
    }

    /** {@code GET /pets/{id}} for {@code /paths/~1pets~1{id}/get}. */
    static String label(String operationPointer) {
        String[] segments = operationPointer.split("/");
        return segments[3].toUpperCase(Locale.ROOT) + " " + unescape(segments[2]);
    }

    /** The pointer of every operation, method in lower case ({@code /paths/~1pets/get}). */
    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> keys = path.getValue().fieldNames(); keys.hasNext(); ) {
                String method = keys.next().toLowerCase(Locale.ROOT);
                if (SpecIndexer.METHODS.contains(method)) {
                    operations.add(PointerLocator.pointer("paths", path.getKey(), method));
                }
            }
        }
        return operations;
    }

    /**
     * Walks the document for {@code $ref}s. Examples, defaults, enums and extensions are data, not references,
     * so they are not entered; under {@code properties} every key is a property name, whatever it is called.
     */
    private void collect(JsonNode node, String pointer, String key, String parentKey) {
        if (node.isObject()) {
            boolean names = "properties".equals(key) || "patternProperties".equals(key);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                String child = pointer + "/" + PointerLocator.escape(name);
                JsonNode value = field.getValue();
                if (!names && name.equals("$ref") && value.isTextual()) {
                    reference(child, value.textValue());
                } else if (names || !isData(name, value, key, parentKey)) {
                    collect(value, child, name, key);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, key, parentKey);
            }
        }
    }

    private static boolean isData(String name, JsonNode value, String key, String parentKey) {
        return name.startsWith("x-") || name.equals("example") || name.equals("default") || name.equals("enum")
                || name.equals("const") || (name.equals("examples") && value.isArray())
                || (name.equals("value") && "examples".equals(parentKey));
    }

    private void reference(String at, String target) {
        if (!target.startsWith("#")) {
            unfollowable.add(new Ref(at, target));
            return;
        }
        String pointer = percentDecoded(target.substring(1));
        JsonNode found;
        try {
            found = document.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException notAPointer) {
            found = null;
        }
        if (found == null || found.isMissingNode()) {
            unfollowable.add(new Ref(at, target));
        } else {
            leadsTo.computeIfAbsent(owner(at), o -> new LinkedHashSet<>()).add(owner(pointer));
            cycle(pointer, found);
        }
    }

    /**
     * A chain of bare references from {@code pointer} that comes back to itself ({@code A: {$ref: B}}, {@code B:
     * {$ref: A}}) describes nothing: noted once per cycle, at the reference of its first member.
     */
    private void cycle(String pointer, JsonNode found) {
        List<String> chain = new ArrayList<>(List.of(pointer));
        JsonNode node = found;
        while (isBareReference(node) && chain.size() < MAX_CHAIN) {
            String next = node.get("$ref").textValue();
            if (!next.startsWith("#")) {
                return; // another document: noted where it is written
            }
            String target = percentDecoded(next.substring(1));
            int seen = chain.indexOf(target);
            if (seen >= 0) {
                List<String> round = chain.subList(seen, chain.size());
                if (cycles.add(round.stream().sorted().toList())) {
                    String first = round.stream().sorted().findFirst().orElseThrow();
                    List<String> names = new ArrayList<>();
                    int start = round.indexOf(first);
                    for (int i = 0; i <= round.size(); i++) {
                        names.add(lastSegment(round.get((start + i) % round.size())));
                    }
                    unfollowable.add(new Ref(first + "/$ref", document.at(JsonPointer.compile(first)).get("$ref")
                            .textValue(), String.join(" → ", names)));
                }
                return;
            }
            chain.add(target);
            try {
                node = document.at(JsonPointer.compile(target));
            } catch (IllegalArgumentException notAPointer) {
                return;
            }
        }
    }

    private static boolean isBareReference(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("$ref").isTextual()) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!REFERENCE_KEYS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static String lastSegment(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    /**
     * The unit a reference belongs to: its operation ({@code /paths/~1pets/get}), its path's shared parameters
     * ({@code /paths/~1pets/parameters}), its component ({@code /components/schemas/Pet}), else its top-level
     * member's child.
     */
    static String owner(String pointer) {
        String[] segments = pointer.split("/", -1);
        if (segments.length >= 4 && segments[1].equals("paths")) {
            String member = segments[3].toLowerCase(Locale.ROOT);
            return "/paths/" + segments[2] + "/" + (SpecIndexer.METHODS.contains(member) ? member : segments[3]);
        }
        if (segments.length >= 4 && segments[1].equals("components")) {
            return "/components/" + segments[2] + "/" + segments[3];
        }
        return segments.length >= 3 ? "/" + segments[1] + "/" + segments[2] : pointer;
    }

    private static String pathParameters(String operationPointer) {
        return operationPointer.substring(0, operationPointer.lastIndexOf('/')) + "/parameters";
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** A reference's fragment may be percent-encoded ({@code #/paths/~1pets%7Bid%7D}). */
    private static String percentDecoded(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%' && i + 2 < fragment.length() && isHex(fragment.charAt(i + 1)) && isHex(fragment.charAt(i + 2))) {
                bytes.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
