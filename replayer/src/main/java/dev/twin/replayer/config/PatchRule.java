package dev.twin.replayer.config;

/**
 * {@code conventions.patch} — how a PATCH (action {@code patch}) answers.
 *
 * @param emptyBody true: the merge answers its status with no body (a Docker registry's {@code 202} to an upload's
 *                  chunk, which announces what it holds in headers only); null = not set here (the row)
 * @param location  a {@code Location} header naming the row's own URL (the PATCH's path): {@code absolute},
 *                  {@code relative}, or {@code none}
 */
public record PatchRule(Boolean emptyBody, CreateRule.Location location) {
    public static final PatchRule DEFAULTS = new PatchRule(false, CreateRule.Location.NONE);

    public PatchRule merge(PatchRule override) {
        return override == null ? this : new PatchRule(Merging.value(emptyBody, override.emptyBody),
                Merging.value(location, override.location));
    }
}
