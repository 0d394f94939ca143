package dev.twin.replayer.config;

/** How strictly requests are checked against the spec: {@code off | warn | strict}. */
public enum ValidationMode {
    OFF, WARN, STRICT
}
