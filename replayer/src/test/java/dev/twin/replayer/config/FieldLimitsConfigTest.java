package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code conventions.fieldLimits}: the provider's limits on key-value body fields, global only. */
class FieldLimitsConfigTest {
    private static final String IMPORT = "imports:\n  - {path: spec.yaml}\n";

    @TempDir
    Path dir;

    @Test
    void limitsAreReadPerFieldWithUnsetOnesNull() throws Exception {
        ConfigFiles.write(dir, "spec.yaml", ConfigFiles.MINIMAL_SPEC);
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT + """
                conventions:
                  fieldLimits:
                    metadata: {maxKeys: 50, maxKeyLength: 40, maxValueLength: 500}
                    tags: {maxKeys: 10}
                """));

        assertEquals(Map.of("metadata", new FieldLimit(50, 40, 500), "tags", new FieldLimit(10, null, null)),
                config.conventions().fieldLimits());
    }

    @Test
    void withoutTheSectionThereAreNone() throws Exception {
        ConfigFiles.write(dir, "spec.yaml", ConfigFiles.MINIMAL_SPEC);

        assertEquals(Map.of(), ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT)).conventions().fieldLimits());
    }

    @Test
    void aTableCannotSetThemForItselfAlone() {
        ConfigFiles.write(dir, "spec.yaml", ConfigFiles.MINIMAL_SPEC);
        Path file = ConfigFiles.twinYaml(dir, IMPORT + """
                tables:
                  - name: things
                    idField: id
                    response:
                      fieldLimits: {metadata: {maxKeys: 5}}
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertTrue(e.getMessage().contains("tables[0].response.fieldLimits: fieldLimits applies to the requests of "
                + "every operation; set it under conventions, not per table"), e.getMessage());
    }

    @Test
    void anUnknownLimitIsAnErrorAtItsKey() {
        ConfigFiles.write(dir, "spec.yaml", ConfigFiles.MINIMAL_SPEC);
        Path file = ConfigFiles.twinYaml(dir, IMPORT + """
                conventions:
                  fieldLimits:
                    metadata: {maxKey: 50}
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertTrue(e.getMessage().contains("conventions.fieldLimits.metadata.maxKey: unknown key (did you mean "
                + "'maxKeys'?)"), e.getMessage());
    }
}
