/**
 * The {@code twin.yaml} model: {@link dev.twin.replayer.config.ConfigLoader} reads a file once into an immutable,
 * validated {@link dev.twin.replayer.config.TwinConfig}, or reports every problem at once, each at its file, line and
 * column ({@link dev.twin.replayer.config.ConfigException}). Part of twin's public API, as docs/twin-yaml.md
 * describes it; the binders that build the model are not.
 */
package dev.twin.replayer.config;
