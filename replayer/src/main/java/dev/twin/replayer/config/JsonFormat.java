package dev.twin.replayer.config;

/**
 * {@code server.json} — how the API lays out its JSON bodies, so the twin's bytes (and a digest ETag over them) are
 * the API's: {@code indent} spaces per level as JavaScript's {@code JSON.stringify(body, null, indent)} writes them
 * ({@code "key": value}, one member per line, {@code {}} and {@code []} when empty), a tab per level when
 * {@code tabs}, and a line feed after the body when {@code newline}. The default is compact with no newline.
 * {@code sortKeys}: every object's members in the order of their names, as servers writing JSON from sorted maps
 * do (RabbitMQ's Erlang encoder, Python's {@code json.dumps(sort_keys=True)}), whatever order the twin made them in.
 */
public record JsonFormat(int indent, boolean tabs, boolean newline, boolean sortKeys) {
    public static final JsonFormat COMPACT = new JsonFormat(0, false, false, false);
    public static final int MAX_INDENT = 10;

    public JsonFormat {
        if (indent < 0 || indent > MAX_INDENT || tabs && indent != 0) {
            throw new IllegalArgumentException("indent is 0-" + MAX_INDENT + " spaces, or tabs alone");
        }
    }

    /** Without {@code sortKeys}. */
    public JsonFormat(int indent, boolean tabs, boolean newline) {
        this(indent, tabs, newline, false);
    }

    /** No indentation: one line (members may still be sorted). */
    public boolean compact() {
        return indent == 0 && !tabs;
    }
}
