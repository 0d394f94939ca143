package dev.twin.recorder;

import java.nio.file.Path;

/**
 * twin's per-user directory: system property {@code twin.home}, else env {@code TWIN_HOME}, else {@code ~/.twin}.
 * The proxy keeps its CA there and {@code twin serve} its start-up cache; it lives in the module both depend on.
 */
public final class TwinHome {
    private TwinHome() {
    }

    public static Path directory() {
        String property = System.getProperty("twin.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("TWIN_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".twin");
    }
}
