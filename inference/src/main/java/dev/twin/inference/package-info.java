/**
 * {@code twin infer}: recordings in, a servable twin out. {@link dev.twin.inference.Inference} streams the
 * exchanges three times (paths, merged operations, table rows) and returns an
 * {@link dev.twin.inference.InferredTwin}; {@link dev.twin.inference.output.TwinFiles} turns it into
 * openapi.yaml, twin.yaml, seed files and inference-report.md, byte-identical for the same input.
 *
 * <p>Packages: {@code source} (store, HAR, in-memory exchanges), {@code path} (segment shapes, path templates,
 * the official spec as the prior), {@code schema} (merged JSON shapes, OpenAPI schemas, body reading),
 * {@code operation} (per-operation aggregates), {@code resource} (tables, id shapes and conventions),
 * {@code seed} (row tracking and scrubbing), {@code output} (the writers).
 */
package dev.twin.inference;
