package dev.twin.replayer.internal.convention;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import dev.twin.replayer.config.RandomText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Handlebars string template such as {@code {{item.id}}}, compiled once; {@code {{random 24}}} is 24 fresh
 * base62 characters ({@link RandomText}). Values resolve from plain maps only (no
 * bean reflection) and nothing is HTML-escaped, since the output goes into JSON, not HTML.
 */
public final class StringTemplate {
    private static final Handlebars HANDLEBARS = new Handlebars().with(EscapingStrategy.NOOP)
            .registerHelper("random", RandomText.HELPER);

    /** {@code {{random 8}}}, {@code {{{random 8}}}} or {@code (random 8)} (a false match only costs a cache). */
    private static final Pattern RANDOM_CALL = Pattern.compile("(\\{\\{\\{?~?|\\()\\s*random\\b");
    /**
     * Templates compiled so far, by source: every table of a derived spec has the same error bodies and many the
     * same default fields, and a compiled template is immutable, so each source is compiled once per process.
     * Sources come from configuration, never from requests; the bound only keeps a runaway admin client in check.
     */
    private static final Map<String, StringTemplate> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;

    private final String source;
    private final Template template;

    private StringTemplate(String source, Template template) {
        this.source = source;
        this.template = template;
    }

    /** Compiles the template; an {@link IllegalArgumentException} names what does not parse. */
    public static StringTemplate compile(String source) {
        if (!source.contains("{{")) {
            return new StringTemplate(source, null);
        }
        StringTemplate known = COMPILED.get(source);
        if (known != null) {
            return known;
        }
        StringTemplate compiled;
        try {
            compiled = new StringTemplate(source, HANDLEBARS.compileInline(source));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("template " + source + " does not parse: " + e.getMessage(), e);
        }
        if (COMPILED.size() < MAX_COMPILED) {
            COMPILED.putIfAbsent(source, compiled);
        }
        return compiled;
    }

    public String render(Map<String, ?> model) {
        if (template == null) {
            return source;
        }
        Context context = Context.newBuilder(model).resolver(MapValueResolver.INSTANCE).build();
        try {
            return template.apply(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context.destroy();
        }
    }

    public boolean isConstant() {
        return template == null;
    }

    /** Whether the same model always renders the same text: the template calls no {@code {{random}}}. */
    public boolean isRepeatable() {
        return template == null || !RANDOM_CALL.matcher(source).find();
    }

    @Override
    public String toString() {
        return source;
    }
}
