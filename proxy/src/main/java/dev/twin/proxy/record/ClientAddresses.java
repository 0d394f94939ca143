package dev.twin.proxy.record;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** "ip:port" of a connection's peer, as exchanges record it. */
public final class ClientAddresses {
    private ClientAddresses() {
    }

    public static String of(Channel channel) {
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
