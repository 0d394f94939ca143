package dev.twin.replayer.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Checks the names a Handlebars template reads against the {@link TemplateScope} it renders in, so
 * {@code {{nosuch.var}}} is a config problem at load instead of an empty string at run time. Runs on templates
 * Handlebars already parsed, so only names are looked at here, not syntax.
 *
 * <p>Inside a block that changes the context ({@code {{#each}}}, {@code {{#with}}} or any block helper other than
 * {@code if}/{@code unless}) names are relative to values known only at run time, so they are not checked there.
 */
final class TemplateVariables {
    private static final Set<String> SAME_CONTEXT_BLOCKS = Set.of("if", "unless");
    private static final Set<String> LITERALS = Set.of("true", "false", "null", "undefined");

    private TemplateVariables() {
    }

    /** The first name {@code template} reads that {@code scope} does not have, as a message; null when none. */
    static String problem(String template, TemplateScope scope, Set<String> helpers) {
        Deque<Boolean> checked = new ArrayDeque<>(); // per open block: are names inside it checked?
        int at = 0;
        while ((at = template.indexOf("{{", at)) >= 0) {
            int end;
            String tag;
            if (at > 0 && template.charAt(at - 1) == '\\') {
                at += 2; // \{{ is literal text in Handlebars
                continue;
            }
            if (template.startsWith("{{!--", at)) {
                end = template.indexOf("--}}", at);
                at = end < 0 ? template.length() : end + 4;
                continue;
            }
            boolean triple = template.startsWith("{{{", at);
            end = template.indexOf(triple ? "}}}" : "}}", at);
            if (end < 0) {
                return null; // Handlebars accepted it; nothing more to read
            }
            tag = template.substring(at + (triple ? 3 : 2), end).strip();
            at = end + (triple ? 3 : 2);
            if (tag.startsWith("~")) {
                tag = tag.substring(1).strip();
            }
            if (tag.endsWith("~")) {
                tag = tag.substring(0, tag.length() - 1).strip();
            }
            if (tag.isEmpty() || tag.startsWith("!")) {
                continue;
            }
            boolean namesChecked = checked.isEmpty() || checked.peek();
            char kind = tag.charAt(0);
            if (kind == '/') {
                if (!checked.isEmpty()) {
                    checked.pop();
                }
                continue;
            }
            if (kind == '>') {
                return "partials (" + "{{" + tag + "}}) are not available in twin.yaml templates";
            }
            List<String> tokens = tokens(kind == '#' || kind == '^' || kind == '&' ? tag.substring(1) : tag);
            if (!tokens.isEmpty() && tokens.get(0).equals("else")) {
                tokens = tokens.subList(1, tokens.size());
            }
            if (tokens.isEmpty()) {
                continue;
            }
            String head = tokens.get(0);
            boolean block = kind == '#' || kind == '^';
            String problem;
            if (block && !helpers.contains(head)) {
                problem = namesChecked ? reference(head, scope) : null; // a section over a value: {{#item.tags}}
            } else if (block || tokens.size() > 1 || helpers.contains(head)) {
                problem = helperCall(tokens, scope, helpers, namesChecked);
            } else {
                problem = namesChecked ? reference(head, scope) : null;
            }
            if (problem != null) {
                return problem + " in \"" + template + "\"";
            }
            if (block) {
                checked.push(namesChecked && kind == '#' && SAME_CONTEXT_BLOCKS.contains(head)
                        || namesChecked && kind == '^');
            }
        }
        return null;
    }

    /** {@code helper param key=value (sub helper param)}: the helpers must exist, the parameters be readable. */
    private static String helperCall(List<String> tokens, TemplateScope scope, Set<String> helpers,
                                     boolean namesChecked) {
        boolean expectHelper = true;
        for (String token : tokens) {
            if (token.equals("as")) {
                break; // block parameters: {{#each items as |item|}}
            }
            if (token.equals("(")) {
                expectHelper = true;
                continue;
            }
            if (token.equals(")")) {
                continue;
            }
            String value = token.contains("=") && !token.startsWith("\"") && !token.startsWith("'")
                    ? token.substring(token.indexOf('=') + 1) : token;
            if (value.isEmpty()) {
                continue;
            }
            if (expectHelper) {
                expectHelper = false;
                if (!helpers.contains(value)) {
                    return ConfigProblems.withSuggestion("unknown helper '" + value + "'; the helpers are "
                            + String.join(", ", helpers.stream().sorted().toList()), value, helpers);
                }
                if (value.equals("random") && tokens.size() < 2) {
                    return "random needs a length ({{random 24}})";
                }
                continue;
            }
            String problem = namesChecked ? reference(value, scope) : null;
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A parameter or a whole tag: literals pass, names must be readable. */
    private static String reference(String token, TemplateScope scope) {
        char first = token.charAt(0);
        if (first == '"' || first == '\'' || first == '-' || Character.isDigit(first) || LITERALS.contains(token)) {
            return null;
        }
        String path = token;
        if (path.startsWith("@root.") || path.startsWith("@root/")) {
            path = path.substring(6);
        } else if (first == '@' || path.startsWith("../")) {
            return null; // @index, @key, a parent context: only inside blocks, whose names are not checked
        }
        if (path.equals("this") || path.equals(".")) {
            return null;
        }
        if (path.startsWith("this.") || path.startsWith("this/")) {
            path = path.substring(5);
        } else if (path.startsWith("./")) {
            path = path.substring(2);
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("[./]")) {
            if (!part.isEmpty()) {
                parts.add(part.startsWith("[") && part.endsWith("]") ? part.substring(1, part.length() - 1) : part);
            }
        }
        return parts.isEmpty() ? null : scope.problem(parts);
    }

    /** Splits a tag's inside on blanks, keeping quoted strings whole and parentheses as tokens of their own. */
    static List<String> tokens(String tag) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '"' || c == '\'') {
                int close = tag.indexOf(c, i + 1);
                int stop = close < 0 ? tag.length() : close + 1;
                token.append(tag, i, stop);
                i = stop - 1;
            } else if (c == '[') {
                int close = tag.indexOf(']', i + 1);
                int stop = close < 0 ? tag.length() : close + 1;
                token.append(tag, i, stop);
                i = stop - 1;
            } else if (c == '(' || c == ')') {
                flush(tokens, token);
                tokens.add(String.valueOf(c));
            } else if (Character.isWhitespace(c)) {
                flush(tokens, token);
            } else {
                token.append(c);
            }
        }
        flush(tokens, token);
        return tokens;
    }

    private static void flush(List<String> tokens, StringBuilder token) {
        if (token.length() > 0) {
            tokens.add(token.toString());
            token.setLength(0);
        }
    }
}
