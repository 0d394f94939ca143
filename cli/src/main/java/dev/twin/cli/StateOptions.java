package dev.twin.cli;

import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.server.TwinServer;
import dev.twin.replayer.state.IdempotencyCache;
import dev.twin.replayer.state.StateAdminEndpoints;
import dev.twin.replayer.state.StateStore;
import dev.twin.replayer.state.TenantQuota;
import dev.twin.replayer.state.TenantResolver;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code twin serve --state FILE} (a picocli mixin): where the twin's tables live, in memory by default or in a
 * MapDB file that survives a restart, plus the state admin endpoints ({@code /__twin/reset}, snapshots, state).
 * Use: {@link #open} before starting the server, {@link #registerAdmin} once it runs, {@link StatefulTwin#store()}
 * closed after the server.
 */
final class StateOptions {

    @Option(names = "--state", paramLabel = "FILE",
            description = "keep tables, tenants and snapshots in this file so they survive a restart "
                    + "(default: in memory)")
    Path stateFile;

    /**
     * The stateful twin for this configuration, over a fresh in-memory store or the {@code --state} file.
     *
     * @throws java.io.UncheckedIOException naming the file when it is in use or unreadable
     */
    StatefulTwin open(TwinConfig config, Clock clock) {
        TenantQuota quota = TenantQuota.of(config.tenancy());
        StateStore store = stateFile == null
                ? StateStore.inMemory(config.tables(), clock, config.tenancy().expireAfter(), quota)
                : StateStore.persistent(stateFile, config.tables(), clock, config.tenancy().expireAfter(), quota);
        return new StatefulTwin(store, new IdempotencyCache(config.idempotency(), clock));
    }

    static void registerAdmin(TwinServer server, StatefulTwin twin, TwinConfig config) {
        new StateAdminEndpoints(twin.store(), twin.idempotency(), new TenantResolver(config.tenancy()))
                .register(server.adminRoutes());
    }
}
