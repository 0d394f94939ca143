package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `twin infer` writes twin.yaml with Jackson from plain maps; what it writes must load. */
class GeneratedYamlTest {
    @TempDir
    Path dir;

    @Test
    void givenATwinYamlWrittenByJacksonFromMaps_whenLoaded_thenItHasTheWrittenValues() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), ConfigFiles.MINIMAL_SPEC);
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("version", 1);
        yaml.put("imports", List.of(Map.of("path", "openapi.yaml", "as", "api")));
        yaml.put("conventions", Map.of("timestamps", Map.of("format", "unix", "fields", Map.of("createdAt", "created")),
                "errors", Map.of("wrap", "error", "codeMap", Map.of("NOT_FOUND", "resource_missing"))));
        yaml.put("tables", List.of(Map.of("name", "customers", "idStrategy", "prefix", "idPrefix", "cus_",
                "seedData", List.of(Map.of("id", "cus_1", "balance", 0, "email", "a@b.c")))));
        yaml.put("extend", List.of(Map.of("mock", "api.PostCustomers", "table", "customers", "action", "create")));
        yaml.put("customOperations", List.of(Map.of("name", "Close",
                "steps", List.of(Map.of("type", "update", "table", "customers", "id", "input.customer",
                        "set", Map.of("status", "'closed'"))),
                "response", "input")));
        new ObjectMapper(new YAMLFactory()).writeValue(dir.resolve("twin.yaml").toFile(), yaml);

        TwinConfig config = ConfigLoader.load(dir);

        assertEquals("api", config.imports().get(0).as());
        assertEquals(Timestamps.Format.UNIX, config.conventions().timestamps().format());
        assertEquals("resource_missing", config.conventions().errors().codeMap().get(ErrorKind.NOT_FOUND).textValue());
        assertEquals("cus_", config.tables().get(0).idPrefix());
        assertEquals(0, config.tables().get(0).seedData().get(0).get("balance").intValue());
        assertEquals(Binding.Action.CREATE, config.extend().get(0).action());
        assertEquals("'closed'", config.customOperations().get(0).steps().get(0).set().get("status").source());
    }
}
