package dev.twin.replayer.internal.routing;

import dev.twin.replayer.internal.spec.ApiOperation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the operation for a method and path by walking a trie of path segments, so lookup cost depends on the
 * path's length, not on the number of operations. At each segment literal children are tried before patterns
 * mixing text and parameters ({@code {Sid}.json}, {@code test:{rpc}}, {@code {a}-{b}}), and those before a
 * whole-segment parameter; a path that matches several templates goes to the most specific one that has the
 * method. Segments are compared percent-decoded ({@code /test%3Aabc} is {@code /test:abc}), so a client that
 * encodes more than it must still routes. A trailing slash routes as the spec writes it: {@code /pets/} and
 * {@code /pets} may be two operations; a spec with only one of them answers both spellings with it.
 */
public final class Router {
    private static final RouteMatch NO_SUCH_PATH = new RouteMatch.NoSuchPath();

    private final Node root = new Node();
    private final List<ApiOperation> operations;

    private Router(List<ApiOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** @throws DuplicateRoute when two operations share a method and path template */
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

    /**
     * @param rawPath the request path as sent, still percent-encoded, without the query
     * @throws IllegalArgumentException for malformed percent-encoding
     */
    public RouteMatch route(String method, String rawPath) {
        Search search = new Search(method, decodedSegments(rawPath), hasTrailingSlash(rawPath));
        if (search.walk(root, 0, null)) {
            return new RouteMatch.Found(search.operation, search.params());
        }
        if (search.firstCandidate == null) {
            return NO_SUCH_PATH;
        }
        return new RouteMatch.MethodNotAllowed(search.firstCandidate.allowed());
    }

    private void add(ApiOperation operation) {
        Node node = root;
        String[] segments = segments(operation.pathTemplate());
        for (String segment : segments) {
            node = node.child(segment);
        }
        boolean slash = hasTrailingSlash(operation.pathTemplate());
        ApiOperation previous = node.methods(slash).putIfAbsent(operation.method(), operation);
        if (previous != null) {
            throw new DuplicateRoute(previous, operation);
        }
        String[] names = new String[segments.length];
        for (int i = 0; i < segments.length; i++) {
            if (isWholeParameter(segments[i])) {
                names[i] = segments[i].substring(1, segments[i].length() - 1);
            }
        }
        node.wholeSegmentNames.put(nameKey(operation.method(), slash), names);
    }

    private static String nameKey(String method, boolean slash) {
        return slash ? method + "/" : method;
    }

    /**
     * One lookup: depth-first in precedence order, stopping at the first template that has the method (or GET
     * for HEAD); the first template matching the path at all gives the 405's allowed methods. Parameters inside
     * mixed segments are captured by name; whole-segment parameters by position, because templates sharing a trie
     * node may name that position differently.
     */
    private static final class Search {
        private final String method;
        private final String[] segments;
        private final boolean trailingSlash;
        private final String[] positional;
        private Node firstCandidate;
        private ApiOperation operation;
        private Map<String, String> captured;
        private String[] names;

        Search(String method, String[] segments, boolean trailingSlash) {
            this.method = method;
            this.segments = segments;
            this.trailingSlash = trailingSlash;
            this.positional = new String[segments.length];
        }

        boolean walk(Node node, int index, Map<String, String> capturedSoFar) {
            if (index == segments.length) {
                return arrive(node, capturedSoFar);
            }
            String segment = segments[index];
            Node literal = node.literals.get(segment);
            if (literal != null && walk(literal, index + 1, capturedSoFar)) {
                return true;
            }
            for (PatternChild child : node.patterns) {
                Map<String, String> next = capturedSoFar == null ? new HashMap<>() : new HashMap<>(capturedSoFar);
                if (child.pattern.match(segment, next) && walk(child.node, index + 1, next)) {
                    return true;
                }
            }
            if (node.parameter != null && !segment.isEmpty()) {
                positional[index] = segment;
                if (walk(node.parameter, index + 1, capturedSoFar)) {
                    return true;
                }
                positional[index] = null;
            }
            return false;
        }

        private boolean arrive(Node node, Map<String, String> capturedSoFar) {
            if (node.methods.isEmpty() && node.slashMethods.isEmpty()) {
                return false;
            }
            if (firstCandidate == null) {
                firstCandidate = node;
            }
            // the spelling the spec wrote first (with or without the trailing slash), else the other one
            boolean slash = trailingSlash;
            ApiOperation found = find(node.methods(slash));
            if (found == null) {
                slash = !slash;
                found = find(node.methods(slash));
            }
            if (found == null) {
                return false;
            }
            operation = found;
            captured = capturedSoFar;
            names = node.wholeSegmentNames.get(nameKey(found.method(), slash));
            return true;
        }

        private ApiOperation find(Map<String, ApiOperation> methods) {
            ApiOperation found = methods.get(method);
            return found == null && method.equals("HEAD") ? methods.get("GET") : found;
        }

        /** The decoded parameters of the operation found; immutable. */
        Map<String, String> params() {
            String onlyName = null;
            int count = 0;
            for (String name : names) {
                if (name != null) {
                    onlyName = name;
                    count++;
                }
            }
            if (captured == null && count == 0) {
                return Map.of();
            }
            if (captured == null && count == 1) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i] != null) {
                        return Map.of(onlyName, positional[i]);
                    }
                }
            }
            Map<String, String> params = captured == null ? new HashMap<>() : new HashMap<>(captured);
            for (int i = 0; i < names.length; i++) {
                if (names[i] != null) {
                    params.put(names[i], positional[i]);
                }
            }
            return Map.copyOf(params);
        }
    }

    private static boolean isWholeParameter(String segment) {
        return segment.startsWith("{") && segment.indexOf('}') == segment.length() - 1
                && segment.indexOf('{', 1) < 0;
    }

    /** Percent-decoded; a '+' stays a '+' (it means a space in forms only). */
    static String decode(String value) {
        return value.indexOf('%') < 0 ? value : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean hasTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/");
    }

    /** {@link #segments} with each segment percent-decoded (a decoded '/' stays inside its segment). */
    static String[] decodedSegments(String rawPath) {
        String[] segments = segments(rawPath);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = decode(segments[i]);
        }
        return segments;
    }

    /** Splits on '/', ignoring a leading and a trailing slash. */
    static String[] segments(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
        if (start >= end) {
            return new String[0];
        }
        int count = 1;
        for (int i = start; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int from = start;
        for (int n = 0; n < count - 1; n++) {
            int slash = path.indexOf('/', from);
            segments[n] = path.substring(from, slash);
            from = slash + 1;
        }
        segments[count - 1] = path.substring(from, end);
        return segments;
    }

    /** Two operations that would answer the same requests: a configuration problem, never a bug. */
    public static final class DuplicateRoute extends IllegalArgumentException {
        private final transient ApiOperation first;
        private final transient ApiOperation second;

        DuplicateRoute(ApiOperation first, ApiOperation second) {
            super(second.method() + " " + second.pathTemplate() + " is defined by both " + first.id() + " and "
                    + second.id());
            this.first = first;
            this.second = second;
        }

        public ApiOperation first() {
            return first;
        }

        public ApiOperation second() {
            return second;
        }
    }

    private record PatternChild(SegmentPattern pattern, Node node) {
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final Map<String, PatternChild> patternsBySource = new TreeMap<>();
        List<PatternChild> patterns = List.of();
        Node parameter;
        /** Operations whose template ends here without a trailing slash, and with one. */
        final Map<String, ApiOperation> methods = new HashMap<>();
        final Map<String, ApiOperation> slashMethods = new HashMap<>();
        final Map<String, String[]> wholeSegmentNames = new HashMap<>();

        Map<String, ApiOperation> methods(boolean trailingSlash) {
            return trailingSlash ? slashMethods : methods;
        }

        /** Every method of both spellings, sorted, with HEAD where GET is: the {@code Allow} header's list. */
        Set<String> allowed() {
            TreeSet<String> allowed = new TreeSet<>(methods.keySet());
            allowed.addAll(slashMethods.keySet());
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            return allowed;
        }

        Node child(String segment) {
            int open = segment.indexOf('{');
            if (open < 0) {
                return literals.computeIfAbsent(decode(segment), s -> new Node());
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
