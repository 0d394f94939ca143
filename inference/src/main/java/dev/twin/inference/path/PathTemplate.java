package dev.twin.inference.path;

import java.util.List;

/**
 * An inferred (or official) path such as {@code /v1/customers/{customer}}.
 *
 * @param template the OpenAPI path
 * @param params   the path parameter names, in order
 * @param evidence one line per variable segment: why it is a variable
 */
public record PathTemplate(String template, List<String> params, List<String> evidence) {
    public PathTemplate {
        params = List.copyOf(params);
        evidence = List.copyOf(evidence);
    }
}
