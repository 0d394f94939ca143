package dev.twin.replayer.config;

/**
 * {@code conventions.patch} — how a PATCH (action {@code patch}) answers.
 *
 * @param emptyBody true: the merge answers its status with no body (a Docker registry's {@code 202} to an upload's
 *                  chunk, which announces what it holds in headers only); null = not set here (the row)
 * @param location  a {@code Location} header naming the row's own URL (the PATCH's path): {@code absolute},
 *                  {@code relative}, or {@code none}
 * @param headers   headers it answers with, as templates over {@code item}, {@code request} and {@code content}
 *                  (a registry's {@code Range: "0-{{content.lastByte}}"}, the bytes an upload holds); null = none
 */
public record PatchRule(Boolean emptyBody, CreateRule.Location location, java.util.Map<String, String> headers) {
    public static final PatchRule DEFAULTS = new PatchRule(false, CreateRule.Location.NONE, null);

    public PatchRule {
        headers = headers == null ? null : Merging.copy(headers);
    }

    /** Without {@code headers}. */
    public PatchRule(Boolean emptyBody, CreateRule.Location location) {
        this(emptyBody, location, null);
    }

    public PatchRule merge(PatchRule override) {
        return override == null ? this : new PatchRule(Merging.value(emptyBody, override.emptyBody),
                Merging.value(location, override.location), Merging.map(headers, override.headers));
    }
}
