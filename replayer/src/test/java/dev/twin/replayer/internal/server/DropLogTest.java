package dev.twin.replayer.internal.server;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drop log stays readable under a flood: a bounded number of lines per window. */
class DropLogTest {
    @Test
    void givenAFloodOfDrops_whenLogged_thenAtMostTheWindowsLinesAreWritten() {
        DropLog drops = new DropLog();
        EmbeddedChannel channel = new EmbeddedChannel();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 500; i++) {
                drops.dropped(channel, "cause " + i);
            }

            assertEquals(DropLog.LINES_PER_WINDOW, log.messages().size());
            assertTrue(log.messages().get(0).endsWith(": cause 0"), log.messages().get(0));
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
