package dev.twin.replayer.config;

import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code state:} in twin.yaml: a file, or a shared store's URL; what cannot work is a problem at its line. */
class StateSettingTest {
    private static final String IMPORT = "imports: [{path: spec.yaml, as: things}]\n";

    @TempDir
    Path dir;

    private TwinConfig load(String yaml) throws ConfigException {
        ConfigFiles.write(dir, "spec.yaml", ConfigFiles.MINIMAL_SPEC);
        return ConfigLoader.load(ConfigFiles.twinYaml(dir, yaml));
    }

    @Test
    void givenNoState_whenLoaded_thenTheTablesAreInMemory() throws Exception {
        assertEquals(StateSetting.MEMORY, load(IMPORT).state());
    }

    @Test
    void givenARedisUrl_whenLoaded_thenTheStateIsSharedThere() throws Exception {
        StateSetting state = load(IMPORT + "state: redis://redis.internal:6379/2?prefix=stripe\n").state();

        assertEquals(StateSetting.Kind.SHARED, state.kind());
        assertEquals(URI.create("redis://redis.internal:6379/2?prefix=stripe"), state.url());
        assertEquals("redis", state.scheme());
    }

    @Test
    void givenAPath_whenLoaded_thenItIsAFileBesideTwinYaml() throws Exception {
        StateSetting state = load(IMPORT + "state: data/twin.state\n").state();

        assertEquals(StateSetting.Kind.FILE, state.kind());
        assertEquals(dir.resolve("data/twin.state").toAbsolutePath().normalize(), state.file());
    }

    @Test
    void givenAUrlWithoutAHost_whenLoaded_thenItIsAProblemAtItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(IMPORT + "state: \"redis:///0\"\n"));

        assertEquals(1, e.problems().size());
        String problem = e.problems().get(0).toString().replace(dir + "/", "");
        assertTrue(problem.startsWith("twin.yaml:2:8: state: the state URL redis:///0 names no host"), problem);
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        StateSetting state = StateSetting.parse("rediss://twin:s3cret@redis.internal:6380", dir);

        assertEquals("rediss://twin:****@redis.internal:6380", state.toString());
    }

    @Test
    void givenRedisStateWithoutItsModule_whenStarted_thenTheModuleToAddIsNamed() throws Exception {
        TwinConfig config = load(IMPORT + "state: redis://127.0.0.1:6379\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Twin.builder().config(config).start());

        assertTrue(refused.getMessage().contains("dev.twin:twin-state-redis"), refused.getMessage());
    }
}
