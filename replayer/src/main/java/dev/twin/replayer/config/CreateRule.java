package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * {@code conventions.create}.
 *
 * @param status the status a successful create answers with; null = the lowest 2xx the bound operation
 *               documents (201 if it documents none)
 * @param location whether the answer names the new row's URL in a {@code Location} header: {@code none},
 *                 {@code absolute} ({@code http://host/posts/3}) or {@code relative} ({@code /posts/3})
 * @param generate fields the server generates once, at create, as Handlebars templates over {@code item} (the new
 *                 row): {@code client_secret: "{{item.id}}_secret_{{random 24}}"}; stored, so reads repeat them
 * @param derive   fields the server sets from what the client sent, as expressions over {@code input} and
 *                 {@code request} ({@code status: "input.payment_method == null ? 'requires_payment_method' :
 *                 'requires_confirmation'"}); applied when the client did not send the field, and stored
 * @param body     what a create answers instead of the new row, as a JSON template over {@code item} (the row as
 *                 shown): an API that acknowledges a write ({@code {ok: true, id: "{{item._id}}"}}); null = the row
 * @param emptyBody true: a create answers no body (an API that announces the new row in headers only)
 * @param headers  response headers a create answers with, as templates over {@code item} (the row as shown):
 *                 {@code Docker-Upload-UUID: "{{item.id}}"}, {@code Range: "0-0"}
 * @param lookup   fields a create copies from the row of another table that a sent field names
 *                 ({@code charge: {table: payment_intents, by: payment_intent, field: latest_charge}}); applied when
 *                 the client did not send the field and that row exists, and stored
 * @param replace  fields whose sent value the server replaces by one it mints, unless the value sent is one of its
 *                 own ({@code payment_method: {with: "pm_{{random 24}}", keep: "pm_[0-9A-Za-z]{24}"}}); stored
 * @param limits   sent numbers a create refuses above a field of the row of another table that a sent field names,
 *                 less what this table's rows naming that row already hold ({@code amount: {table: payment_intents,
 *                 by: payment_intent, max: amount, less: amount, error: {...}}})
 * @param upsert   true: a create whose body names the id of an existing row replaces that row's fields by the ones
 *                 sent and answers as a create does (Alertmanager's POST of a silence with its {@code id}), instead of
 *                 refusing the id as taken
 * @param defaults  fields a create stores with the new row when the client did not send them, as JSON values
 *                  ({@code done: false, tags: []}): a server's defaults applied once, at create, so that a later
 *                  replace (PUT) that does not send them drops them; {@code fields.inject} is for fields every
 *                  answer carries whatever the row holds
 * @param exists    sent fields that must name a live row of another table, else the create is refused
 *                  ({@code author: {table: authors, status: 400, body: {author: ["Invalid pk \"{{sent}}\"..."]}}})
 * @param forms    sent text values a create refuses unless they match a pattern (a device id's form), each with the
 *                 refusal's status and body ({@code deviceKey: {pattern: "[A-Z2-7]{7}(?:-[A-Z2-7]{7}){7}", status:
 *                 400, body: "bad key {{sent}}"}})
 */
public record CreateRule(Integer status, Location location, Map<String, String> generate,
                         Map<String, Expression> derive, JsonNode body, Boolean emptyBody,
                         Map<String, String> headers, Map<String, Lookup> lookup, Map<String, Replace> replace,
                         Map<String, Limit> limits, Boolean upsert, ObjectNode defaults, Map<String, Exists> exists,
                         Map<String, Form> forms) {
    public static final CreateRule DEFAULTS = new CreateRule(null, Location.NONE, Map.of(), Map.of(), null, false,
            Map.of(), Map.of(), Map.of(), Map.of(), false, null, Map.of(), Map.of());

    /** Without {@code forms}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body, Boolean emptyBody,
                      Map<String, String> headers, Map<String, Lookup> lookup, Map<String, Replace> replace,
                      Map<String, Limit> limits, Boolean upsert, ObjectNode defaults, Map<String, Exists> exists) {
        this(status, location, generate, derive, body, emptyBody, headers, lookup, replace, limits, upsert, defaults,
                exists, null);
    }

    /** Without {@code exists} and {@code forms}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body, Boolean emptyBody,
                      Map<String, String> headers, Map<String, Lookup> lookup, Map<String, Replace> replace,
                      Map<String, Limit> limits, Boolean upsert, ObjectNode defaults) {
        this(status, location, generate, derive, body, emptyBody, headers, lookup, replace, limits, upsert, defaults,
                null, null);
    }

    /** Without {@code defaults}, {@code exists} and {@code forms}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body, Boolean emptyBody,
                      Map<String, String> headers, Map<String, Lookup> lookup, Map<String, Replace> replace,
                      Map<String, Limit> limits, Boolean upsert) {
        this(status, location, generate, derive, body, emptyBody, headers, lookup, replace, limits, upsert, null,
                null, null);
    }

    /** Without {@code upsert}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body, Boolean emptyBody,
                      Map<String, String> headers, Map<String, Lookup> lookup, Map<String, Replace> replace,
                      Map<String, Limit> limits) {
        this(status, location, generate, derive, body, emptyBody, headers, lookup, replace, limits, null);
    }

    public CreateRule(Integer status, Location location) {
        this(status, location, null, null, null);
    }

    /** Without {@code emptyBody} and {@code headers}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body) {
        this(status, location, generate, derive, body, null, null);
    }

    /** Without {@code lookup}, {@code replace} and {@code limits}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body, Boolean emptyBody, Map<String, String> headers) {
        this(status, location, generate, derive, body, emptyBody, headers, null, null, null);
    }

    public CreateRule {
        generate = generate == null ? null : Merging.copy(generate);
        derive = derive == null ? null : Merging.copy(derive);
        headers = headers == null ? null : Merging.copy(headers);
        lookup = lookup == null ? null : Merging.copy(lookup);
        replace = replace == null ? null : Merging.copy(replace);
        limits = limits == null ? null : Merging.copy(limits);
        defaults = defaults == null ? null : Merging.copy(defaults);
        exists = exists == null ? null : Merging.copy(exists);
        forms = forms == null ? null : Merging.copy(forms);
    }

    /**
     * {@code create.exists.<field>}: the value sent must be the id of a live row of {@code table}; else the create is
     * answered {@code status} with {@code body}, a JSON template over {@code sent} (the value sent).
     */
    public record Exists(String table, int status, JsonNode body) {
    }

    /**
     * {@code create.forms.<field>}: a text value sent in the field must match {@code pattern} (the whole value);
     * else the create is refused with {@code status} (null: VALIDATION_ERROR's) and {@code body}, a template over
     * {@code field}, {@code sent} and {@code request}, answered as {@code text/plain} when it is a string (null: the
     * table's VALIDATION_ERROR naming the field).
     */
    public record Form(java.util.regex.Pattern pattern, Integer status, JsonNode body) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Form f && pattern.pattern().equals(f.pattern.pattern())
                    && java.util.Objects.equals(status, f.status) && java.util.Objects.equals(body, f.body);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pattern.pattern(), status, body);
        }
    }

    /**
     * {@code create.limits.<field>}: the number sent in the field may not exceed {@code max} of the row of
     * {@code table} whose id was sent in {@code by}, less the sum of {@code less} over this table's live rows naming
     * the same row (null: nothing subtracted); else a VALIDATION_ERROR with {@code code}, {@code param} and
     * {@code message}, a template over {@code sent}, {@code remaining} and {@code row}.
     */
    public record Limit(String table, String by, String max, String less, String code, String param,
                        String message) {
    }

    /**
     * {@code create.lookup.<field>}: the field takes {@code field} of the row of {@code table} whose id the create
     * sent in {@code by}.
     */
    public record Lookup(String table, String by, String field) {
    }

    /**
     * {@code create.replace.<field>}: a sent value is replaced by {@code with} (a template over {@code item}, the new
     * row), unless it matches {@code keep} or names a live row of {@code table} (either may be null).
     */
    public record Replace(String with, java.util.regex.Pattern keep, String table) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Replace r && java.util.Objects.equals(with, r.with) && java.util.Objects.equals(table,
                    r.table) && java.util.Objects.equals(keep == null ? null : keep.pattern(),
                    r.keep == null ? null : r.keep.pattern());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(with, table, keep == null ? null : keep.pattern());
        }
    }

    public enum Location {
        NONE, ABSOLUTE, RELATIVE
    }

    public CreateRule merge(CreateRule override) {
        return override == null ? this : new CreateRule(Merging.value(status, override.status),
                Merging.value(location, override.location), Merging.map(generate, override.generate),
                Merging.map(derive, override.derive), Merging.value(body, override.body),
                Merging.value(emptyBody, override.emptyBody), Merging.map(headers, override.headers),
                Merging.map(lookup, override.lookup), Merging.map(replace, override.replace),
                Merging.map(limits, override.limits), Merging.value(upsert, override.upsert),
                Merging.object(defaults, override.defaults), Merging.map(exists, override.exists),
                Merging.map(forms, override.forms));
    }
}
