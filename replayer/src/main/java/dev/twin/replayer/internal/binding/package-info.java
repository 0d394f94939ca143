/**
 * Executing {@code extend} bindings: {@link dev.twin.replayer.internal.binding.StatefulTwin} builds, per loaded twin.yaml,
 * a responder that answers bound operations (list, create, get, patch, update, delete, custom) from the tenant's
 * tables in one transaction, replays idempotent POSTs, refuses rejected credentials and shapes every client error
 * with the provider's error convention. Everything per binding is compiled at startup; a request only does data
 * work.
 */
package dev.twin.replayer.internal.binding;
