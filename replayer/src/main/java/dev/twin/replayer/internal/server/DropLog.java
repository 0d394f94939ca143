package dev.twin.replayer.internal.server;

import io.netty.channel.Channel;

/**
 * One log line for each connection the server closes on its own, naming the cause; at most
 * {@value #LINES_PER_WINDOW} lines every ten seconds, then one line counting those left out, so that a flood of
 * bad connections cannot flood the log too.
 */
final class DropLog {
    private static final System.Logger LOG = System.getLogger(TwinServer.class.getName());
    static final int LINES_PER_WINDOW = 20;
    private static final long WINDOW_NANOS = 10_000_000_000L;

    private long windowStart = System.nanoTime();
    private int lines;
    private int leftOut;

    /** A connection closed for a cause worth a warning: a limit, a timeout, a failure. */
    void dropped(Channel channel, String cause) {
        log(System.Logger.Level.WARNING, channel, cause);
    }

    /** A connection closed in the ordinary course of things (a keep-alive connection left idle). */
    void closedQuietly(Channel channel, String cause) {
        log(System.Logger.Level.DEBUG, channel, cause);
    }

    private void log(System.Logger.Level level, Channel channel, String cause) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        String line = "twin closed the connection from " + channel.remoteAddress() + ": " + cause;
        String summary = null;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - windowStart > WINDOW_NANOS) {
                if (leftOut > 0) {
                    summary = "twin closed " + leftOut + " more connections (not logged one by one)";
                }
                windowStart = now;
                lines = 0;
                leftOut = 0;
            }
            if (lines >= LINES_PER_WINDOW) {
                leftOut++;
                line = null;
            } else {
                lines++;
            }
        }
        if (summary != null) {
            LOG.log(System.Logger.Level.WARNING, summary);
        }
        if (line != null) {
            LOG.log(level, line);
        }
    }
}
