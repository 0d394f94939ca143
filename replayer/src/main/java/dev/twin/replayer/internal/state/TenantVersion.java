package dev.twin.replayer.internal.state;

import java.util.Objects;

/**
 * Which commit of a tenant's shared state a replica holds: the epoch (a new one after every reset and restore, so
 * versions are only compared within one) and the number of commits made in it.
 */
public record TenantVersion(String epoch, long version) {
    public TenantVersion {
        Objects.requireNonNull(epoch, "epoch");
    }
}
