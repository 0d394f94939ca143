package dev.twin.recorder.redact;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.BodyDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Replaces secrets in an exchange with stable fingerprints ({@link Fingerprint}) before it is stored or exported.
 * Immutable and thread-safe.
 *
 * <p>By default: the headers {@link #DEFAULT_HEADERS}, and the query parameters, form fields, multipart fields and
 * JSON fields (at any depth) named like {@link #DEFAULT_FIELDS}; card data in the same places whatever the field
 * name ({@link PaymentCard}: card numbers masked, security codes and, next to a card number, expiry fields replaced
 * by a marker). Extra names (from {@code --redact NAME}, {@code *} allowed) apply to headers, query parameters, form
 * and multipart fields (bracketed parts too: {@code ssn} matches {@code person[ssn]}), multipart file parts and JSON
 * fields. Names are matched after percent-decoding. Redacting an already redacted exchange changes nothing. See
 * {@link HeaderRedaction} for header forms and {@link MultipartRedaction} for multipart bodies.
 */
public final class Redactor {
    public static final List<String> DEFAULT_HEADERS =
            List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key");
    public static final List<String> DEFAULT_FIELDS = List.of("api_key", "apikey", "token", "access_token",
            "*_token", "password", "secret", "client_secret");

    private static final Redactor NONE = new Redactor(false, List.of());

    private final boolean enabled;
    private final List<String> extraNames;
    private final HeaderRedaction headers;
    private final FormRedaction form;
    private final JsonRedaction json;
    private final MultipartRedaction multipart;
    private final FieldRedaction fields;

    private Redactor(boolean enabled, List<String> extraNames) {
        this.enabled = enabled;
        this.extraNames = List.copyOf(extraNames);
        this.fields = new FieldRedaction(new NameMatcher(concat(DEFAULT_FIELDS, extraNames)));
        this.form = new FormRedaction(fields);
        this.json = new JsonRedaction(fields);
        this.multipart = new MultipartRedaction(fields);
        this.headers = new HeaderRedaction(new NameMatcher(concat(DEFAULT_HEADERS, extraNames)), form);
    }

    /** The default names only. */
    public static Redactor defaults() {
        return new Redactor(true, List.of());
    }

    /** The default names plus these header/query/form/JSON field names. */
    public static Redactor withExtraNames(Collection<String> extraNames) {
        return new Redactor(true, new ArrayList<>(extraNames));
    }

    /** Redacts nothing ({@code --no-redact}). */
    public static Redactor none() {
        return NONE;
    }

    public boolean enabled() {
        return enabled;
    }

    public List<String> extraNames() {
        return extraNames;
    }

    /** True when a body or query field of this name is recorded as a fingerprint ({@code client_secret}). */
    public boolean namesSecretField(String name) {
        return enabled && fields.namesSecret(name);
    }

    public Exchange redact(Exchange exchange) {
        if (!enabled) {
            return exchange;
        }
        RecordedRequest request = exchange.request();
        RecordedRequest redactedRequest = new RecordedRequest(request.method(), request.scheme(), request.host(),
                request.port(), request.path(), form.redact(request.rawQuery()), headers.redact(request.headers()),
                redactBody(request.headers(), request.body()));
        RecordedResponse response = exchange.response();
        RecordedResponse redactedResponse = response == null ? null : new RecordedResponse(response.status(),
                headers.redact(response.headers()), redactBody(response.headers(), response.body()));
        return new Exchange(exchange.id(), exchange.session(), exchange.startedAt(), exchange.durationMicros(),
                exchange.clientAddress(), redactedRequest, redactedResponse, exchange.failure(),
                exchange.tunnelled());
    }

    private Body redactBody(List<Header> headerList, Body body) {
        if (body.isEmpty() || !BodyDecoder.isDecoded(body)) {
            return body;
        }
        String contentTypeHeader = Headers.first(headerList, "Content-Type").orElse("");
        String contentType = contentTypeHeader.toLowerCase(Locale.ROOT);
        byte[] redacted = body.bytes();
        if (contentType.startsWith("multipart/form-data")) {
            redacted = multipart.redact(contentTypeHeader, body.bytes(), body.truncated());
        } else if (contentType.contains("application/x-www-form-urlencoded")) {
            String text = new String(body.bytes(), StandardCharsets.UTF_8);
            String result = form.redact(text);
            redacted = result.equals(text) ? body.bytes() : result.getBytes(StandardCharsets.UTF_8);
        } else if (contentType.contains("json") || (contentType.isEmpty() && looksLikeJson(body.bytes()))) {
            redacted = json.redact(body.bytes());
        }
        return redacted == body.bytes() ? body
                : new Body(redacted, body.truncated(), body.originalSize(), body.contentEncoding());
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
