package dev.twin.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin serve} runs on a command line of its own; it must read as part of {@code twin}. */
class TwinCommandTest {

    @Test
    void serveHelpNamesTheCommandAsTwinServe() {
        String out = capturingOut(() -> assertEquals(0, TwinCommand.execute(new String[]{"serve", "--help"})));

        assertTrue(out.startsWith("Usage: twin serve"), out);
        assertTrue(out.contains("--watch"), out);
    }

    @Test
    void serveWithAnUnknownOptionExitsTwo() {
        assertEquals(2, TwinCommand.execute(new String[]{"serve", "--no-such-option"}));
    }

    @Test
    void otherCommandsStillRunFromTheWholeTree() {
        String out = capturingOut(() -> assertEquals(0, TwinCommand.execute(new String[]{"--version"})));

        assertEquals("twin 0.1.0", out.strip());
    }

    private static String capturingOut(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
