package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the Handlebars templates in twin.yaml (string values of {@code inject}, {@code extraFields},
 * {@code delete.body}) at load, so a broken {@code {{item.id}} is a config error and not a runtime surprise.
 */
final class Templates {
    /** Built on the first template only: a config without templates never loads Handlebars. */
    private static final class Engine {
        static final Handlebars HANDLEBARS = new Handlebars().registerHelper("random", RandomText.HELPER);
        static final Set<String> HELPERS = HANDLEBARS.helpers().stream().map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Templates() {
    }

    /**
     * Reports every string leaf under {@code key} that is not a valid template, or reads a variable, a field or a
     * helper that {@code scope} does not have.
     */
    static void check(YamlMapping m, String key, TemplateScope scope) {
        if (m.has(key)) {
            check(m, m.pointer(key), m.node().get(key), scope);
        }
    }

    private static void check(YamlMapping m, String pointer, JsonNode value, TemplateScope scope) {
        if (value.isContainerNode()) {
            if (value.isObject()) {
                value.fields().forEachRemaining(f -> check(m, ConfigProblems.child(pointer, f.getKey()), f.getValue(),
                        scope));
            } else {
                for (int i = 0; i < value.size(); i++) {
                    check(m, ConfigProblems.child(pointer, i), value.get(i), scope);
                }
            }
            return;
        }
        if (!value.isTextual() || !value.textValue().contains("{{")) {
            return;
        }
        String template = value.textValue();
        String random = RandomText.problem(template);
        if (random != null) {
            m.context().problem(pointer, random);
            return;
        }
        try {
            Engine.HANDLEBARS.compileInline(template);
            String unknown = TemplateVariables.problem(template, scope, Engine.HELPERS);
            if (unknown != null) {
                m.context().problem(pointer, unknown);
            }
        } catch (HandlebarsException e) {
            int line = e.getError() == null ? 1 : e.getError().line;
            int column = e.getError() == null ? 1 : e.getError().column + 1; // Handlebars counts from 0
            String reason = e.getError() == null ? e.getMessage() : e.getError().reason;
            m.context().problem(new ConfigProblem(m.context().locateInside(m.context().sourceMap().locate(pointer), template,
                    line, column), ConfigProblems.prefixed(pointer, "template does not parse: " + reason
                    + " at column " + column + " of \"" + template + "\"")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // inline templates read no files
        }
    }
}
