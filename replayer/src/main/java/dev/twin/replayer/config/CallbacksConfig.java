package dev.twin.replayer.config;

import java.util.List;

/**
 * {@code callbacks:} — the form requests a twin sends back to the application (status callbacks), and the hosts
 * they may go to. Loopback hosts ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) are always allowed; any other
 * host only when written in {@code allowHosts}, so a client cannot make the twin call out anywhere else.
 */
public record CallbacksConfig(List<String> allowHosts, List<CallbackRule> send) {
    public static final CallbacksConfig NONE = new CallbacksConfig(List.of(), List.of());

    public CallbacksConfig {
        allowHosts = List.copyOf(allowHosts);
        send = List.copyOf(send);
    }
}
