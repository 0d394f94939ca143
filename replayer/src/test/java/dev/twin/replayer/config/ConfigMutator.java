package dev.twin.replayer.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a YAML (or JSON) text the ways a careless edit does: a key deleted, a value of another type, a template
 * naming nothing, a path template without its brace, a key written twice, a typo, an indentation slip, a file cut
 * short. Seeded, so a failing case is reproduced by its seed and iteration.
 */
final class ConfigMutator {
    /** A mutated text and what was done, for the failure message. */
    record Mutation(String text, String description) {
    }

    private static final Pattern KEY_VALUE =
            Pattern.compile("^(\\s*(?:- )?)([\"']?[A-Za-z_/{}.$0-9-]+[\"']?)(\\s*:\\s*)(.*)$");
    private static final Pattern FLOW_VALUE = Pattern.compile("([A-Za-z_]+)(:\\s*)([^,{}\\[\\]]+)");
    private static final List<String> HOSTILE_VALUES = List.of("[]", "{}", "12345", "-7", "true", "~", "0.5",
            "\"" + "x".repeat(5000) + "\"", "\"{{nosuch.var}}\"", "\"{{item.id}\"", "\"{{#each}}\"",
            "\"/v1/{broken\"", "\"/v1/{}\"", "\"*******x\"", "[1, [2, {a: 3}]]", "{a: {b: {c: []}}}", "\"\"",
            "\"${env}\"", "&anchor value", "*alias", "!!binary aGk=", "\"\\u0000\"", "'it''s'", "99999999999999999999",
            "\"NOT_FOUND\"", "\"sk_live_.*(\"", "\"PT-1H\"", "\"0s\"");

    private final Random random;

    ConfigMutator(long seed) {
        this.random = new Random(seed);
    }

    Mutation mutate(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int kind = random.nextInt(10);
        int line = random.nextInt(lines.size());
        switch (kind) {
            case 0 -> {
                String removed = lines.remove(line);
                return new Mutation(String.join("\n", lines), "deleted line " + (line + 1) + ": " + cut(removed));
            }
            case 1, 2, 3 -> {
                int target = lineWithValue(lines, line);
                String value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
                Matcher m = KEY_VALUE.matcher(lines.get(target));
                if (m.matches()) {
                    lines.set(target, m.group(1) + m.group(2) + m.group(3) + value);
                } else {
                    Matcher flow = FLOW_VALUE.matcher(lines.get(target));
                    if (!flow.find()) {
                        lines.set(target, lines.get(target) + " " + value);
                    } else {
                        lines.set(target, lines.get(target).substring(0, flow.start(3)) + value
                                + lines.get(target).substring(flow.end(3)));
                    }
                }
                return new Mutation(String.join("\n", lines), "line " + (target + 1) + " value -> " + cut(value));
            }
            case 4 -> {
                lines.add(line, lines.get(line));
                return new Mutation(String.join("\n", lines), "duplicated line " + (line + 1));
            }
            case 5 -> {
                int cut = random.nextInt(text.length() + 1);
                return new Mutation(text.substring(0, cut), "truncated at " + cut);
            }
            case 6 -> {
                int target = lineWithValue(lines, line);
                Matcher m = KEY_VALUE.matcher(lines.get(target));
                if (m.matches() && m.group(2).length() > 2) {
                    String key = m.group(2);
                    int i = random.nextInt(key.length() - 1);
                    String typo = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
                    lines.set(target, m.group(1) + typo + m.group(3) + m.group(4));
                    return new Mutation(String.join("\n", lines), "line " + (target + 1) + " key -> " + typo);
                }
                return mutate(text);
            }
            case 7 -> {
                String shifted = random.nextBoolean() ? "  " + lines.get(line)
                        : lines.get(line).replaceFirst("^  ", "");
                lines.set(line, shifted);
                return new Mutation(String.join("\n", lines), "re-indented line " + (line + 1));
            }
            case 8 -> {
                String original = lines.get(line);
                String broken = original.replaceFirst("}", "").replaceFirst("\\{\\{", "{{nosuch.");
                lines.set(line, broken.equals(original) ? original + " {" : broken);
                return new Mutation(String.join("\n", lines), "broke braces on line " + (line + 1));
            }
            default -> {
                int at = random.nextInt(text.length() + 1);
                String characters = ":-[]{}#&*!|>'\"%@`\t\u00e9";
                char c = characters.charAt(random.nextInt(characters.length()));
                return new Mutation(text.substring(0, at) + c + text.substring(at), "inserted '" + c + "' at " + at);
            }
        }
    }

    /** The first line from {@code start} (wrapping) that holds a value to replace. */
    private int lineWithValue(List<String> lines, int start) {
        for (int i = 0; i < lines.size(); i++) {
            int candidate = (start + i) % lines.size();
            String line = lines.get(candidate);
            if (line.contains(":") && !line.strip().startsWith("#")) {
                return candidate;
            }
        }
        return start;
    }

    private static String cut(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
