package dev.twin.replayer.internal.binding;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BindingCompilerTest {
    private static final String SPEC = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

    @TempDir
    Path dir;

    private final AtomicInteger modelsBuilt = new AtomicInteger();

    @Test
    void givenValidBindings_whenTheTwinStarts_thenNoOperationModelIsBuilt() throws Exception {
        TwinConfig config = config("""
                  - {mock: shop.listItems, table: items, action: list}
                  - {mock: shop.getItem, table: items, action: get}
                """);

        StatefulTwin.inMemory(config, Clock.systemUTC()).create(config, operations());

        assertEquals(0, modelsBuilt.get(), "swagger models are built on an operation's first request, not at start");
    }

    @Test
    void givenAnIdParamThatIsNoPathParameter_whenTheTwinStarts_thenItIsAConfigErrorAtTheBindingsLine()
            throws Exception {
        TwinConfig config = config("""
                  - {mock: shop.listItems, table: items, action: list}
                  - {mock: shop.getItem, table: items, action: get, idParam: itemId}
                """);

        ConfigException e = assertThrows(ConfigException.class,
                () -> StatefulTwin.inMemory(config, Clock.systemUTC()).create(config, operations()));

        ConfigProblem problem = e.problems().get(0);
        assertEquals(config.sourceMap().file(), problem.location().file());
        assertEquals(10, problem.location().line());
        assertTrue(problem.message().contains("idParam 'itemId' is not a path parameter of /items/{item}"),
                problem.message());
    }

    @Test
    void givenAGetOnAPathWithoutParameters_whenTheTwinStarts_thenItIsAConfigError() throws Exception {
        TwinConfig config = config("""
                  - {mock: shop.listItems, table: items, action: get}
                """);

        ConfigException e = assertThrows(ConfigException.class,
                () -> StatefulTwin.inMemory(config, Clock.systemUTC()).create(config, operations()));

        assertTrue(e.problems().get(0).message().contains("get needs a path parameter"),
                e.problems().get(0).message());
        assertEquals(0, modelsBuilt.get());
    }

    private TwinConfig config(String extend) throws IOException, ConfigException {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path yaml = dir.resolve("twin.yaml");
        Files.writeString(yaml, """
                version: 1
                imports:
                  - {path: spec.yaml, as: shop}
                tables:
                  - name: items
                    idField: id
                    idPrefix: it_
                extend:
                """ + extend);
        return ConfigLoader.load(yaml);
    }

    private Function<String, ApiOperation> operations() {
        return id -> switch (id) {
            case "shop.listItems" -> operation("listItems", "GET", "/items");
            case "shop.getItem" -> operation("getItem", "GET", "/items/{item}");
            default -> null;
        };
    }

    private ApiOperation operation(String operationId, String method, String path) {
        List<String> params = path.contains("{") ? List.of("item") : List.of();
        return new ApiOperation("shop." + operationId, "shop", operationId, method, path, params,
                ApiOperation.OperationModel.of(() -> {
                    modelsBuilt.incrementAndGet();
                    return new Operation().operationId(operationId).responses(new ApiResponses()
                            .addApiResponse("200", new ApiResponse().description("ok")));
                }, Components::new));
    }
}
