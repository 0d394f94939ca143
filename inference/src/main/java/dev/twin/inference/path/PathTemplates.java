package dev.twin.inference.path;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the tree of concrete paths into templates. A segment becomes a variable when its shape says it is an id
 * (integer, UUID, ULID, long hex, {@code cus_…}, a Twilio SID, an email), when it is a date among other dates,
 * or by evidence: at least {@value #EVIDENCE_MIN} distinct non-word values at the same position. Words
 * ({@code search}, {@code Messages.json}), versions ({@code v1}) and a lone date ({@code 2010-04-01}) stay literal.
 */
public final class PathTemplates {
    static final int EVIDENCE_MIN = 3;

    private final TemplateNode root;
    private final List<PathTemplate> templates = new ArrayList<>();
    private final Map<String, PathTemplate> byTemplate = new TreeMap<>();

    private PathTemplates(TemplateNode root) {
        this.root = root;
        collect(root, new StringBuilder(), new ArrayList<>(), new ArrayList<>());
    }

    public static PathTemplates infer(PathTrie trie) {
        TemplateNode root = build(trie);
        name(root, null, new HashSet<>());
        return new PathTemplates(root);
    }

    /** All templates that had a request, sorted by path. */
    public List<PathTemplate> templates() {
        return templates;
    }

    /** Methods seen on a template. */
    public Set<String> methods(PathTemplate template) {
        TemplateNode node = root;
        for (String segment : PathTrie.segments(template.template())) {
            if (segment.startsWith("{")) {
                String suffix = segment.substring(segment.indexOf('}') + 1);
                node = node.variables.get(suffix);
            } else {
                node = node.literals.get(segment);
            }
        }
        return node.methods;
    }

    public Optional<PathMatch> match(String path) {
        TemplateNode node = root;
        List<String> values = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        for (String segment : PathTrie.segments(path)) {
            TemplateNode literal = node.literals.get(segment);
            if (literal != null) {
                node = literal;
                template.append('/').append(segment);
                continue;
            }
            String suffix = SegmentShape.suffix(segment);
            TemplateNode variable = node.variables.get(suffix);
            if (variable == null) {
                suffix = "";
                variable = node.variables.get("");
            }
            if (variable == null) {
                return Optional.empty();
            }
            values.add(segment.substring(0, segment.length() - suffix.length()));
            template.append("/{").append(variable.paramName).append('}').append(suffix);
            node = variable;
        }
        String key = template.length() == 0 ? "/" : template.toString();
        PathTemplate found = byTemplate.get(key);
        return found == null ? Optional.empty() : Optional.of(new PathMatch(found, values));
    }

    private static TemplateNode build(PathTrie trie) {
        TemplateNode node = new TemplateNode();
        node.methods.addAll(trie.methods);
        TreeMap<String, PathTrie> literal = new TreeMap<>();
        TreeMap<String, PathTrie> variable = new TreeMap<>();
        TreeMap<String, String> evidence = new TreeMap<>();
        TreeMap<String, Integer> distinct = new TreeMap<>();
        List<String> dates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String segment : trie.children.keySet()) {
            SegmentShape shape = SegmentShape.of(segment);
            if (shape == SegmentShape.DATE) {
                dates.add(segment);
            } else if (shape == SegmentShape.OTHER) {
                others.add(segment);
            }
        }
        for (Map.Entry<String, PathTrie> child : trie.children.entrySet()) {
            String segment = child.getKey();
            SegmentShape shape = SegmentShape.of(segment);
            boolean isVariable = shape.isIdentifier()
                    || (shape == SegmentShape.DATE && dates.size() >= 2)
                    || (shape == SegmentShape.OTHER && others.size() >= EVIDENCE_MIN);
            if (!isVariable) {
                literal.put(segment, child.getValue());
                continue;
            }
            String suffix = SegmentShape.suffix(segment);
            variable.computeIfAbsent(suffix, s -> new PathTrie()).mergeFrom(child.getValue());
            distinct.merge(suffix, 1, Integer::sum);
            String why = shape == SegmentShape.OTHER ? "evidence: distinct values at this position"
                    : "shape: " + shape.name().toLowerCase().replace('_', ' ');
            evidence.merge(suffix, why, (a, b) -> a.equals(b) ? a : a.compareTo(b) < 0 ? a + ", " + b : b + ", " + a);
        }
        literal.forEach((segment, sub) -> node.literals.put(segment, build(sub)));
        variable.forEach((suffix, sub) -> {
            TemplateNode child = build(sub);
            child.evidence = evidence.get(suffix);
            child.distinctValues = distinct.get(suffix);
            node.variables.put(suffix, child);
        });
        return node;
    }

    private static void name(TemplateNode node, String parentLiteral, Set<String> used) {
        node.literals.forEach((segment, child) -> name(child, segment, used));
        node.variables.forEach((suffix, child) -> {
            String base = ParamNames.forParent(parentLiteral, suffix);
            String name = base;
            for (int n = 2; used.contains(name); n++) {
                name = base + n;
            }
            child.paramName = name;
            used.add(name);
            name(child, null, used);
            used.remove(name);
        });
    }

    private void collect(TemplateNode node, StringBuilder path, List<String> params, List<String> evidence) {
        if (!node.methods.isEmpty()) {
            String key = path.length() == 0 ? "/" : path.toString();
            PathTemplate template = new PathTemplate(key, params, evidence);
            templates.add(template);
            byTemplate.put(key, template);
        }
        node.literals.forEach((segment, child) -> {
            int length = path.length();
            path.append('/').append(segment);
            collect(child, path, params, evidence);
            path.setLength(length);
        });
        node.variables.forEach((suffix, child) -> {
            int length = path.length();
            path.append("/{").append(child.paramName).append('}').append(suffix);
            params.add(child.paramName);
            evidence.add("{" + child.paramName + "}: " + child.evidence + " (" + child.distinctValues
                    + " distinct value" + (child.distinctValues == 1 ? "" : "s") + ")");
            collect(child, path, params, evidence);
            params.remove(params.size() - 1);
            evidence.remove(evidence.size() - 1);
            path.setLength(length);
        });
        templates.sort((a, b) -> a.template().compareTo(b.template()));
    }
}
