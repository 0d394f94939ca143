package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

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
 */
public record CreateRule(Integer status, Location location, Map<String, String> generate,
                         Map<String, Expression> derive, JsonNode body, Boolean emptyBody,
                         Map<String, String> headers) {
    public static final CreateRule DEFAULTS = new CreateRule(null, Location.NONE, Map.of(), Map.of(), null, false,
            Map.of());

    public CreateRule(Integer status, Location location) {
        this(status, location, null, null, null);
    }

    /** Without {@code emptyBody} and {@code headers}. */
    public CreateRule(Integer status, Location location, Map<String, String> generate,
                      Map<String, Expression> derive, JsonNode body) {
        this(status, location, generate, derive, body, null, null);
    }

    public CreateRule {
        generate = generate == null ? null : Merging.copy(generate);
        derive = derive == null ? null : Merging.copy(derive);
        headers = headers == null ? null : Merging.copy(headers);
    }

    public enum Location {
        NONE, ABSOLUTE, RELATIVE
    }

    public CreateRule merge(CreateRule override) {
        return override == null ? this : new CreateRule(Merging.value(status, override.status),
                Merging.value(location, override.location), Merging.map(generate, override.generate),
                Merging.map(derive, override.derive), Merging.value(body, override.body),
                Merging.value(emptyBody, override.emptyBody), Merging.map(headers, override.headers));
    }
}
