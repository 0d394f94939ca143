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
 * or by evidence: at least {@value #EVIDENCE_MIN} distinct non-word values at the same position, or names the
 * answers held ({@code /api/vhosts/shop} answered {@code "name": "shop"}; see {@link EchoedSegments}) when two
 * siblings were or the client created the one by name. A sibling never found joins such a variable. Words
 * ({@code search}, {@code Messages.json}), versions ({@code v1}) and a lone date ({@code 2010-04-01}) stay literal.
 */
public final class PathTemplates {
    static final int EVIDENCE_MIN = 3;
    /** Fields that hold any row's own name: they do not say what a path parameter is. */
    private static final Set<String> GENERIC_FIELDS = Set.of("name", "id", "_id", "key", "value", "title", "slug",
            "uuid", "sid", "label", "path", "uri", "url", "source", "destination");

    private final TemplateNode root;
    private final List<PathTemplate> templates = new ArrayList<>();
    private final Map<String, PathTemplate> byTemplate = new TreeMap<>();

    private PathTemplates(TemplateNode root) {
        this.root = root;
        collect(root, new StringBuilder(), new ArrayList<>(), new ArrayList<>());
    }

    public static PathTemplates infer(PathTrie trie) {
        Set<String> createdNames = new HashSet<>();
        trie.collectCreatedNames(createdNames);
        TemplateNode root = build(trie, createdNames, true);
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

    /** @param atRoot names are no variables right under the root: no collection literal would hold their rows */
    private static TemplateNode build(PathTrie trie, Set<String> createdNames, boolean atRoot) {
        TemplateNode node = new TemplateNode();
        node.methods.addAll(trie.methods);
        TreeMap<String, PathTrie> literal = new TreeMap<>();
        TreeMap<String, PathTrie> variable = new TreeMap<>();
        TreeMap<String, String> evidence = new TreeMap<>();
        TreeMap<String, Integer> distinct = new TreeMap<>();
        List<String> dates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int echoed = 0;
        for (Map.Entry<String, PathTrie> child : trie.children.entrySet()) {
            SegmentShape shape = SegmentShape.of(child.getKey());
            if (shape == SegmentShape.DATE) {
                dates.add(child.getKey());
            } else if (shape == SegmentShape.OTHER) {
                others.add(child.getKey());
            }
            if (!child.getValue().echoedAs.isEmpty()) {
                echoed++;
            }
        }
        for (Map.Entry<String, PathTrie> child : trie.children.entrySet()) {
            String segment = child.getKey();
            PathTrie sub = child.getValue();
            SegmentShape shape = SegmentShape.of(segment);
            // a name the answers held is a value once two siblings are, or once the client created it by name
            // (here or elsewhere: the vhost "shop" of PUT /api/vhosts/shop in /api/exchanges/shop)
            boolean named = !atRoot && !sub.echoedAs.isEmpty() && (echoed >= 2 || createdNames.contains(segment));
            boolean isVariable = shape.isIdentifier() || named
                    || (shape == SegmentShape.DATE && dates.size() >= 2)
                    || (shape == SegmentShape.OTHER && others.size() >= EVIDENCE_MIN);
            if (!isVariable) {
                literal.put(segment, sub);
                continue;
            }
            String suffix = SegmentShape.suffix(segment);
            variable.computeIfAbsent(suffix, s -> new PathTrie()).mergeFrom(sub);
            distinct.merge(suffix, 1, Integer::sum);
            String why = shape.isIdentifier() ? "shape: " + shape.name().toLowerCase().replace('_', ' ')
                    : named ? "names the answers held as " + String.join("/", sub.echoedAs)
                    : shape == SegmentShape.OTHER ? "evidence: distinct values at this position"
                    : "shape: " + shape.name().toLowerCase().replace('_', ' ');
            evidence.merge(suffix, why, (a, b) -> a.equals(b) ? a : a.compareTo(b) < 0 ? a + ", " + b : b + ", " + a);
        }
        if (!atRoot) {
            joinMissingNames(literal, variable, evidence, distinct, createdNames);
        }
        literal.forEach((segment, sub) -> node.literals.put(segment, build(sub, createdNames, false)));
        variable.forEach((suffix, sub) -> {
            TemplateNode child = build(sub, createdNames, false);
            child.echoedAs = sub.echoedAs;
            child.evidence = evidence.get(suffix);
            child.distinctValues = distinct.get(suffix);
            node.variables.put(suffix, child);
        });
        return node;
    }

    /**
     * Literal siblings of a variable that are values of it too: one the client created by name, here or elsewhere,
     * but never read here ({@code PUT /api/users/bob} beside {@code /api/users/{user}}), and one never found ({@code GET
     * /api/queues/shop/nope} answered 404, and so did everything under it), which the twin's table answers.
     */
    private static void joinMissingNames(TreeMap<String, PathTrie> literal, TreeMap<String, PathTrie> variable,
                                         TreeMap<String, String> evidence, TreeMap<String, Integer> distinct,
                                         Set<String> createdNames) {
        PathTrie names = variable.get("");
        if (names == null) {
            return;
        }
        literal.entrySet().removeIf(child -> {
            PathTrie sub = child.getValue();
            boolean missing = sub.found == 0 && sub.notFound > 0;
            boolean created = sub.createdHere || createdNames.contains(child.getKey());
            if (!(missing || created) || SegmentShape.of(child.getKey()) == SegmentShape.VERSION) {
                return false;
            }
            names.mergeFrom(sub);
            distinct.merge("", 1, Integer::sum);
            String why = missing ? "a value never found (404)" : "a name the client created by PUT";
            evidence.merge("", why, (a, b) -> a.contains(b) ? a : a + ", " + b);
            return true;
        });
    }

    /**
     * Names each variable after the field the answers held its value in, when that field says what it is
     * ({@code vhost}), else after the nearest literal before it ({@code queues/{queue}}).
     */
    private static void name(TemplateNode node, String lastLiteral, Set<String> used) {
        node.literals.forEach((segment, child) -> name(child, segment, used));
        node.variables.forEach((suffix, child) -> {
            String echoed = child.echoedAs.size() == 1 ? child.echoedAs.first() : null;
            String base = echoed != null && !GENERIC_FIELDS.contains(echoed) && echoed.matches("[A-Za-z][A-Za-z0-9_]*")
                    ? echoed : ParamNames.forParent(lastLiteral, suffix);
            if (used.contains(base)) {
                // the literal already named the variable before this one (/a/{a}/{id})
                base = ParamNames.forParent(null, suffix);
            }
            String name = base;
            for (int n = 2; used.contains(name); n++) {
                name = base + n;
            }
            child.paramName = name;
            used.add(name);
            name(child, lastLiteral, used);
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
