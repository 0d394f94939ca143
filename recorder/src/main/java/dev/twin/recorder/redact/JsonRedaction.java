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
 * Redacts the scalar values of a JSON document at any depth ({@link FieldRedaction}: secret names, card numbers in
 * any value, security codes, expiry next to a card number). The document is copied token by token (no tree in
 * memory); when nothing matches, the original bytes are kept untouched. A body that does not parse (e.g. cut at the
 * size cap) is redacted textually, field by field.
 */
final class JsonRedaction {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern STRING_FIELD = Pattern.compile(
            "\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|-?[0-9][0-9.eE+-]*)");

    private final FieldRedaction fields;

    JsonRedaction(FieldRedaction fields) {
        this.fields = fields;
    }

    /** What a first, read-only pass found: whether anything may change, and whether a card number is present. */
    private record Scan(boolean candidate, boolean card) {
    }

    /** The redacted document, or the same array when nothing had to change. */
    byte[] redact(byte[] json) {
        try {
            Scan scan = scan(json);
            return scan.candidate() ? copyRedacting(json, scan.card()) : json;
        } catch (IOException notJson) {
            return redactText(json);
        }
    }

    /** Reads without writing: most bodies hold no secret, and then copying them token by token is wasted. */
    private Scan scan(byte[] json) throws IOException {
        boolean candidate = false;
        boolean card = false;
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && fields.mayRedactName(parser.currentName())) {
                    candidate = true;
                } else if ((token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT)
                        && PaymentCard.isNumber(parser.getText())) {
                    candidate = true;
                    card = true;
                }
            }
        }
        return new Scan(candidate, card);
    }

    private byte[] copyRedacting(byte[] json, boolean card) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 64);
        boolean changed = false;
        try (JsonParser parser = JSON.createParser(json); JsonGenerator generator = JSON.createGenerator(out)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                } else if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    String name = parser.getParsingContext().inObject() ? field : null;
                    String value = parser.getText();
                    String redacted = fields.redact(name, value, card);
                    if (redacted != value) {
                        if (token == JsonToken.VALUE_NUMBER_INT && PaymentCard.isNumber(redacted)) {
                            generator.writeNumber(redacted);
                        } else {
                            generator.writeString(redacted);
                        }
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
        boolean card = false;
        for (Matcher scan = STRING_FIELD.matcher(text); scan.find() && !card; ) {
            card = PaymentCard.isNumber(unquote(scan.group(3)));
        }
        Matcher matcher = STRING_FIELD.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        boolean changed = false;
        while (matcher.find()) {
            String value = unquote(matcher.group(3));
            String redacted = fields.redact(matcher.group(1), value, card);
            if (redacted != value) {
                String replacement = "\"" + matcher.group(1) + "\"" + matcher.group(2) + "\"" + redacted + "\"";
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
