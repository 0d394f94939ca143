package dev.twin.proxy.relay;

import dev.twin.recorder.Failure;
import io.netty.channel.ConnectTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Names what went wrong when reaching an upstream, for the user and for the recording. */
public final class UpstreamFailures {
    private UpstreamFailures() {
    }

    public static Failure classify(Throwable cause, String upstream) {
        Throwable root = cause;
        while (!(root instanceof SSLException) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SSLException) {
            return new Failure(Failure.Kind.UPSTREAM_TLS, "TLS with " + upstream + " failed: " + describe(root));
        }
        if (cause instanceof ConnectTimeoutException) {
            return new Failure(Failure.Kind.UPSTREAM_TIMEOUT, "connecting to " + upstream + " timed out");
        }
        if (cause instanceof UnknownHostException) {
            return new Failure(Failure.Kind.UPSTREAM_REFUSED, "unknown host " + upstream);
        }
        return new Failure(Failure.Kind.UPSTREAM_REFUSED, "cannot connect to " + upstream + ": " + describe(cause));
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
