package dev.twin.recorder.har;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a HAR file (saved by Chrome, Firefox, mitmproxy or {@link HarExporter}) entry by entry, without loading it
 * whole. Each entry becomes an {@link Exchange} with id 0, handed to the caller, who redacts and stores it.
 * Problems are reported as {@link HarException} naming the file and the line/column or entry path.
 */
public final class HarImporter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HarImporter() {
    }

    /**
     * @param sessionOrNull the session for every entry; when null, a twin export's own session, else the file's
     *                      name without ".har"
     * @return how many entries were read
     */
    public static long read(Path file, String sessionOrNull, Consumer<Exchange> each) {
        String fallbackSession = file.getFileName().toString().replaceFirst("(?i)\\.har$", "");
        HarEntryReader entries = new HarEntryReader(file, sessionOrNull, fallbackSession);
        try (JsonParser parser = MAPPER.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !moveToField(parser, "log")
                    || parser.nextToken() != JsonToken.START_OBJECT || !moveToField(parser, "entries")
                    || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new HarException(file + " is not a HAR file: it has no log.entries array");
            }
            long count = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = parser.readValueAsTree();
                each.accept(readEntry(file, entries, entry, "log.entries[" + count + "]"));
                count++;
            }
            return count;
        } catch (JsonProcessingException e) {
            throw new HarException(file + " is not valid JSON at " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HarException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Exchange readEntry(Path file, HarEntryReader entries, JsonNode entry, String path) {
        try {
            return entries.read(entry, path);
        } catch (HarException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HarException(file + ": " + path + ": " + e.getMessage(), e);
        }
    }

    /** Skips fields of the current object until the named one; true when found. */
    private static boolean moveToField(JsonParser parser, String name) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            if (parser.currentName().equals(name)) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
