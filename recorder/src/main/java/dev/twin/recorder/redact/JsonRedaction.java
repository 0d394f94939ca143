package dev.twin.recorder.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts the scalar values of matching object fields at any depth of a JSON document. The document is copied
 * token by token (no tree in memory); when nothing matches, the original bytes are kept untouched. A body that
 * does not parse (e.g. cut at the size cap) is redacted textually, field by field.
 */
final class JsonRedaction {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern STRING_FIELD = Pattern.compile(
            "\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|-?[0-9][0-9.eE+-]*)");

    private final NameMatcher fields;

    JsonRedaction(NameMatcher fields) {
        this.fields = fields;
    }

    /** The redacted document, or the same array when nothing had to change. */
    byte[] redact(byte[] json) {
        try {
            return hasFieldToRedact(json) ? copyRedacting(json) : json;
        } catch (IOException notJson) {
            return redactText(json);
        }
    }

    /** Reads without writing: most bodies hold no secret, and then copying them token by token is wasted. */
    private boolean hasFieldToRedact(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && fields.matches(parser.currentName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private byte[] copyRedacting(byte[] json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 64);
        boolean changed = false;
        try (JsonParser parser = JSON.createParser(json); JsonGenerator generator = JSON.createGenerator(out)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                } else if (token.isScalarValue() && field != null && parser.getParsingContext().inObject()
                        && fields.matches(field) && token != JsonToken.VALUE_NULL) {
                    String value = parser.getText();
                    if (!Fingerprint.isRedacted(value)) {
                        generator.writeString(Fingerprint.of(value));
                        changed = true;
                        continue;
                    }
                }
                generator.copyCurrentEvent(parser);
            }
        }
        return changed ? out.toByteArray() : json;
    }

    private byte[] redactText(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        Matcher matcher = STRING_FIELD.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        boolean changed = false;
        while (matcher.find()) {
            String value = unquote(matcher.group(3));
            if (fields.matches(matcher.group(1)) && !Fingerprint.isRedacted(value)) {
                String replacement = "\"" + matcher.group(1) + "\"" + matcher.group(2)
                        + "\"" + Fingerprint.of(value) + "\"";
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
                changed = true;
            }
        }
        if (!changed) {
            return json;
        }
        matcher.appendTail(result);
        return result.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        return value.endsWith("\"") && value.length() > 1 ? value.substring(1, value.length() - 1) : value.substring(1);
    }
}
