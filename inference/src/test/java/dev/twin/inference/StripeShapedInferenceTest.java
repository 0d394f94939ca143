package dev.twin.inference;

import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.ListSource;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeShapedInferenceTest {
    @TempDir
    Path dir;

    @Test
    void givenAStripeCustomerFlow_whenInferred_thenTheTwinYamlLoads() throws Exception {
        InferredTwin twin = Inference.run(new ListSource(StripeShapes.customerFlow().exchanges()),
                InferenceOptions.defaults(), Progress.NONE);
        TwinFiles files = TwinFiles.of(twin);
        files.writeTo(dir);
        System.out.println(files.text("twin.yaml"));
        System.out.println(files.text("openapi.yaml"));
        System.out.println(files.text("inference-report.md"));
        System.out.println(files.text("seed/customers.json"));
        TwinConfig config = ConfigLoader.load(dir.resolve("twin.yaml"));
        assertEquals("customers", config.tables().get(0).name());
        assertTrue(files.text("openapi.yaml").contains("/v1/customers/{customer}:"));
    }
}
