/**
 * twin's own rooms behind {@link dev.twin.replayer.Twin}: the server, routing, validation, tables, the sandbox
 * controls, inference's replay, verify and the rest (docs/design.md names each). Internal: any class here may
 * change or go in any release. Use {@code Twin} and the twin.yaml model ({@code dev.twin.replayer.config}); the
 * few settings records {@code Twin.Builder} takes from here ({@code HttpLimits}, {@code ConnectionLimits},
 * {@code AdminAccess}) and the shared-state interfaces module state-redis implements are kept stable on purpose.
 */
package dev.twin.replayer.internal;
