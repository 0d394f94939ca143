package dev.twin.inference;

import java.nio.file.Path;

/**
 * @param host     only exchanges to this host (null: all)
 * @param spec     the provider's official OpenAPI document, matched first (null: none)
 * @param seedMode which state the seed files hold
 */
public record InferenceOptions(String host, Path spec, SeedMode seedMode) {
    public enum SeedMode { INITIAL, FINAL }

    public InferenceOptions {
        seedMode = seedMode == null ? SeedMode.INITIAL : seedMode;
    }

    public static InferenceOptions defaults() {
        return new InferenceOptions(null, null, SeedMode.INITIAL);
    }
}
