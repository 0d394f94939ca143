package dev.twin.replayer.internal.admin;

/**
 * What {@code /__twin/health} says of the store a twin keeps its state in, when that store is outside the process
 * (Redis): its kind and address, whether it answers, how fast, or why not. The admin package's own type, so admin
 * depends on no state type.
 */
public record StoreHealth(String kind, String store, boolean up, double latencyMillis, String error) {
}
