package dev.twin.replayer.internal.replay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A request no operation matched is shaped for replay without the request limits' checks: a body nested far beyond
 * any real request is compared as its bytes, never walked, even on a thread with the launcher's small stack.
 */
class RequestShapeDepthTest {

    @Test
    void givenA5000LevelJsonBody_whenShapedOnASmallStack_thenItIsComparedAsBytes() throws Exception {
        byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Double> closeness = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                RequestShape shape = RequestShape.of(null, Map.of(), "application/json", deep);
                closeness.set(shape.closeness(RequestShape.of(null, Map.of(), "application/json", deep)));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertNull(failure.get());
        assertEquals(1.0, closeness.get());
    }
}
