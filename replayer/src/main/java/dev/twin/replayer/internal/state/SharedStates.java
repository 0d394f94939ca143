package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.StateSetting;

import java.util.ServiceLoader;

/** Opens the shared state a {@code state: redis://...} names, through the provider of its scheme on the class path. */
public final class SharedStates {
    private SharedStates() {
    }

    /**
     * @throws IllegalArgumentException no provider for the scheme (its module is missing), or what the provider
     *                                  refuses
     */
    public static SharedState open(StateSetting setting, SharedStateProvider.Options options) {
        String scheme = setting.scheme();
        for (SharedStateProvider provider : ServiceLoader.load(SharedStateProvider.class)) {
            if (provider.opens(scheme)) {
                return provider.open(setting.url(), options);
            }
        }
        throw new IllegalArgumentException("state " + setting + ": no state store for " + scheme + ":// URLs here"
                + (scheme.startsWith("redis") ? "; add the module dev.twin:twin-state-redis to the class path (the"
                + " twin command line has it)" : "; twin keeps shared state in redis:// or rediss://"));
    }
}
