package dev.twin.replayer.config;

/**
 * {@code conventions.create}.
 *
 * @param status the status a successful create answers with; null = the lowest 2xx the bound operation
 *               documents (201 if it documents none)
 */
public record CreateRule(Integer status) {
    public static final CreateRule DEFAULTS = new CreateRule(null);

    public CreateRule merge(CreateRule override) {
        return override == null ? this : new CreateRule(Merging.value(status, override.status));
    }
}
