package dev.twin.replayer.config;

import java.util.regex.Pattern;

/**
 * Builds the JEXL and Handlebars engines on the {@link ConfigThread} while the main thread reads twin.yaml's YAML, when the
 * text shows it will need them (a section that holds expressions, a {@code {{}}). Building them costs about 100 ms
 * at start-up that would otherwise sit on the main thread before the first expression or template is checked;
 * class initialisation is thread-safe, so whichever thread gets there first builds each engine once.
 */
final class EnginePreload {
    /** Top-level sections whose entries hold expressions (customOperations steps, scenario and event conditions). */
    private static final Pattern EXPRESSION_SECTIONS =
            Pattern.compile("^(customOperations|scenarios|events)\\s*:", Pattern.MULTILINE);

    private EnginePreload() {
    }

    static void startFor(String configText) {
        boolean expressions = EXPRESSION_SECTIONS.matcher(configText).find();
        boolean templates = configText.contains("{{");
        if (!expressions && !templates) {
            return;
        }
        ConfigThread.EXECUTOR.execute(() -> {
            if (expressions) {
                Expressions.ENGINE.getClass();
            }
            if (templates) {
                Templates.prepare();
            }
        });
    }
}
