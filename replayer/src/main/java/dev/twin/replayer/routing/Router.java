package dev.twin.replayer.routing;

import dev.twin.replayer.spec.ApiOperation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the operation for a method and path by walking a trie of path segments, so lookup cost depends on the
 * path's length, not on the number of operations. At each segment literal children are tried before patterns
 * mixing text and parameters ({@code {Sid}.json}), and those before a whole-segment parameter; a path that matches
 * several templates goes to the most specific one that has the method.
 */
public final class Router {
    private final Node root = new Node();
    private final List<ApiOperation> operations;

    private Router(List<ApiOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** @throws IllegalArgumentException when two operations share a method and path template */
    public static Router of(List<ApiOperation> operations) {
        Router router = new Router(operations);
        for (ApiOperation operation : operations) {
            router.add(operation);
        }
        router.root.freeze();
        return router;
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /** @param rawPath the request path as sent, still percent-encoded, without the query */
    public RouteMatch route(String method, String rawPath) {
        String[] segments = segments(rawPath);
        List<Candidate> candidates = new ArrayList<>(2);
        collect(root, segments, 0, new HashMap<>(), new String[segments.length], candidates);
        if (candidates.isEmpty()) {
            return new RouteMatch.NoSuchPath();
        }
        for (Candidate candidate : candidates) {
            ApiOperation operation = candidate.node.methods.get(method);
            if (operation == null && method.equals("HEAD")) {
                operation = candidate.node.methods.get("GET");
            }
            if (operation != null) {
                Map<String, String> params = new HashMap<>(candidate.params);
                String[] names = candidate.node.wholeSegmentNames.get(operation.method());
                for (int i = 0; i < names.length; i++) {
                    if (names[i] != null) {
                        params.put(names[i], candidate.positional[i]);
                    }
                }
                return new RouteMatch.Found(operation, decode(params));
            }
        }
        TreeSet<String> allowed = new TreeSet<>(candidates.get(0).node.methods.keySet());
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return new RouteMatch.MethodNotAllowed(allowed);
    }

    private void add(ApiOperation operation) {
        Node node = root;
        for (String segment : segments(operation.pathTemplate())) {
            node = node.child(segment);
        }
        ApiOperation previous = node.methods.putIfAbsent(operation.method(), operation);
        if (previous != null) {
            throw new IllegalArgumentException(operation.method() + " " + operation.pathTemplate()
                    + " is defined by both " + previous.id() + " and " + operation.id());
        }
        String[] segments = segments(operation.pathTemplate());
        String[] names = new String[segments.length];
        for (int i = 0; i < segments.length; i++) {
            if (isWholeParameter(segments[i])) {
                names[i] = segments[i].substring(1, segments[i].length() - 1);
            }
        }
        node.wholeSegmentNames.put(operation.method(), names);
    }

    /**
     * Depth-first in precedence order. Parameters inside mixed segments are captured by name; whole-segment
     * parameters by position, because templates sharing a trie node may name that position differently.
     */
    private static void collect(Node node, String[] segments, int index, Map<String, String> params,
                                String[] positional, List<Candidate> out) {
        if (index == segments.length) {
            if (!node.methods.isEmpty()) {
                out.add(new Candidate(node, Map.copyOf(params), positional.clone()));
            }
            return;
        }
        String segment = segments[index];
        Node literal = node.literals.get(segment);
        if (literal != null) {
            collect(literal, segments, index + 1, params, positional, out);
        }
        for (PatternChild child : node.patterns) {
            Map<String, String> captured = new HashMap<>(params);
            if (child.pattern.match(segment, captured)) {
                collect(child.node, segments, index + 1, captured, positional, out);
            }
        }
        if (node.parameter != null && !segment.isEmpty()) {
            positional[index] = segment;
            collect(node.parameter, segments, index + 1, params, positional, out);
            positional[index] = null;
        }
    }

    private static boolean isWholeParameter(String segment) {
        return segment.startsWith("{") && segment.indexOf('}') == segment.length() - 1
                && segment.indexOf('{', 1) < 0;
    }

    private static Map<String, String> decode(Map<String, String> raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        Map<String, String> decoded = new HashMap<>(raw.size() * 2);
        raw.forEach((name, value) -> decoded.put(name, value.indexOf('%') < 0 ? value
                : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return decoded;
    }

    /** Splits on '/', ignoring a leading and a trailing slash. */
    static String[] segments(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
        if (start >= end) {
            return new String[0];
        }
        return path.substring(start, end).split("/", -1);
    }

    private record Candidate(Node node, Map<String, String> params, String[] positional) {
    }

    private record PatternChild(SegmentPattern pattern, Node node) {
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final Map<String, PatternChild> patternsBySource = new TreeMap<>();
        List<PatternChild> patterns = List.of();
        Node parameter;
        final Map<String, ApiOperation> methods = new HashMap<>();
        final Map<String, String[]> wholeSegmentNames = new HashMap<>();

        Node child(String segment) {
            int open = segment.indexOf('{');
            if (open < 0) {
                return literals.computeIfAbsent(segment, s -> new Node());
            }
            if (isWholeParameter(segment)) {
                if (parameter == null) {
                    parameter = new Node();
                }
                return parameter;
            }
            return patternsBySource.computeIfAbsent(segment,
                    s -> new PatternChild(new SegmentPattern(s), new Node())).node;
        }

        void freeze() {
            patterns = patternsBySource.values().stream()
                    .sorted(Comparator.comparingInt((PatternChild c) -> c.pattern.literalLength()).reversed())
                    .toList();
            literals.values().forEach(Node::freeze);
            patterns.forEach(c -> c.node.freeze());
            if (parameter != null) {
                parameter.freeze();
            }
        }
    }
}
