/**
 * Request validation against an OpenAPI operation: {@link dev.twin.replayer.internal.validation.OperationValidator}
 * compiled once per operation decodes a request into a {@link dev.twin.replayer.internal.validation.DecodedRequest} and
 * reports {@link dev.twin.replayer.internal.validation.Violation}s named the way the client sent each parameter.
 * Schemas are converted to JSON Schema by {@link dev.twin.replayer.internal.validation.SchemaRegistry} (one per spec) and
 * checked with networknt's validator.
 */
package dev.twin.replayer.internal.validation;
