package dev.twin.replayer.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The shipped examples are the contract's first users: each must load without a single problem. */
class ExamplesLoadTest {
    @ParameterizedTest
    @ValueSource(strings = {"petstore", "stripe", "twilio"})
    void exampleLoads(String name) throws Exception {
        TwinConfig config = ConfigLoader.load(Path.of("..", "examples", name));

        assertFalse(config.imports().isEmpty());
    }
}
