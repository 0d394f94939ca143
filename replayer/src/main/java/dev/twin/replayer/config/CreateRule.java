package dev.twin.replayer.config;

/**
 * {@code conventions.create}.
 *
 * @param status the status a successful create answers with; null = the lowest 2xx the bound operation
 *               documents (201 if it documents none)
 * @param location whether the answer names the new row's URL in a {@code Location} header: {@code none},
 *                 {@code absolute} ({@code http://host/posts/3}) or {@code relative} ({@code /posts/3})
 */
public record CreateRule(Integer status, Location location) {
    public static final CreateRule DEFAULTS = new CreateRule(null, Location.NONE);

    public enum Location {
        NONE, ABSOLUTE, RELATIVE
    }

    public CreateRule merge(CreateRule override) {
        return override == null ? this : new CreateRule(Merging.value(status, override.status),
                Merging.value(location, override.location));
    }
}
