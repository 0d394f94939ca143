package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.twin.replayer.config.JsonFormat;

import java.io.IOException;
import java.util.Arrays;

/**
 * Writes a JSON tree in a {@link JsonFormat}: compact, or as JavaScript's {@code JSON.stringify(value, null,
 * indent)} does ({@code "key": value}, one member a line, {@code {}} and {@code []} when empty), with the final
 * newline the format asks for, and members sorted by name when it asks for that. The replayer lays out answers with it and inference tries it against recorded bytes.
 */
public final class JsonLayout {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectWriter writer;
    private final boolean newline;

    public JsonLayout(JsonFormat format) {
        ObjectWriter plain = format.compact() ? JSON.writer() : JSON.writer(javascript(format));
        this.writer = format.sortKeys() ? plain.with(JsonNodeFeature.WRITE_PROPERTIES_SORTED) : plain;
        this.newline = format.newline();
    }

    public byte[] write(JsonNode tree) {
        try {
            byte[] bytes = writer.writeValueAsBytes(tree);
            if (!newline) {
                return bytes;
            }
            byte[] withNewline = Arrays.copyOf(bytes, bytes.length + 1);
            withNewline[bytes.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static DefaultPrettyPrinter javascript(JsonFormat format) {
        DefaultIndenter indenter = new DefaultIndenter(format.tabs() ? "\t" : " ".repeat(format.indent()), "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
