package dev.twin.inference;

import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.path.PathTemplate;
import dev.twin.inference.path.PathTemplates;
import dev.twin.inference.path.PathTrie;
import dev.twin.inference.resource.Resource;
import dev.twin.inference.transition.Transition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What inference could not decide and leaves for a human: custom operations, unbound operations, ambiguous paths. */
final class ForHuman {
    private ForHuman() {
    }

    static List<String> list(TreeMap<String, TreeMap<String, OperationStats>> operations, List<Resource> resources,
                             PathTemplates templates, List<Transition> transitions) {
        Set<OperationStats> bound = new HashSet<>();
        for (Transition transition : transitions) {
            bound.add(transition.op());
        }
        for (Resource resource : resources) {
            resource.bindings().forEach(binding -> bound.add(binding.op()));
        }
        List<String> out = new ArrayList<>();
        for (Transition transition : transitions) {
            if (!transition.unexplained().isEmpty()) {
                out.add("`" + transition.op().method() + " " + transition.op().path().template() + "` ("
                        + transition.name() + "): " + transition.unexplained() + " changed in a way no rule explains;"
                        + " the inferred operation leaves them as they were");
            }
        }
        for (Map.Entry<String, TreeMap<String, OperationStats>> path : operations.entrySet()) {
            String template = path.getKey();
            List<String> segments = PathTrie.segments(template);
            boolean actionOnItem = segments.size() >= 2 && !segments.get(segments.size() - 1).startsWith("{")
                    && segments.get(segments.size() - 2).startsWith("{");
            for (OperationStats op : path.getValue().values()) {
                if (bound.contains(op)) {
                    continue;
                }
                if (actionOnItem && !op.method().equals("GET")) {
                    String owner = owner(resources, segments);
                    out.add("`" + op.method() + " " + template + "`: candidate custom operation '"
                            + segments.get(segments.size() - 1) + "'" + (owner == null ? "" : " on table " + owner)
                            + " (" + op.count() + " exchanges); answered from the spec until a customOperations "
                            + "entry is written");
                } else {
                    out.add("`" + op.method() + " " + template + "`: not bound to a table (" + op.count()
                            + " exchanges" + (op.mainSuccessStatus() == 0 ? ", never succeeded" : "")
                            + "); answered from the spec");
                }
            }
        }
        Set<String> all = new HashSet<>();
        templates.templates().forEach(t -> all.add(t.template()));
        for (PathTemplate template : templates.templates()) {
            String t = template.template();
            int slash = t.lastIndexOf('/');
            String last = t.substring(slash + 1);
            String parent = t.substring(0, Math.max(slash, 0));
            if (!last.startsWith("{") && all.stream().anyMatch(o -> o.startsWith(parent + "/{")
                    && o.indexOf('/', parent.length() + 1) < 0)) {
                out.add("`" + t + "`: '" + last + "' kept literal beside a variable sibling (a word, not an id); "
                        + "check it is not an id");
            }
            for (String evidence : template.evidence()) {
                if (evidence.contains("evidence:") && t.endsWith(evidence.substring(0, evidence.indexOf(':')))) {
                    out.add("`" + t + "`: " + evidence + " — variable by evidence only (medium confidence)");
                }
            }
        }
        return out;
    }

    private static String owner(List<Resource> resources, List<String> segments) {
        String item = "/" + String.join("/", segments.subList(0, segments.size() - 1));
        for (Resource resource : resources) {
            if (resource.itemPath().equals(item)) {
                return resource.table();
            }
        }
        return null;
    }
}
