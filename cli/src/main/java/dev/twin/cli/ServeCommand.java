package dev.twin.cli;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.config.ValidationMode;
import dev.twin.replayer.server.TwinServer;
import dev.twin.replayer.spec.SpecDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the imported OpenAPI specs (and bound tables) as a local twin.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONFIG_OR_DIR",
            description = "twin.yaml, or a directory holding one (default: the current directory)")
    Path configOrDir;

    @Option(names = "--spec", paramLabel = "FILE", description = "serve this spec without a twin.yaml (repeatable)")
    List<Path> specs;

    @Option(names = "--port", description = "port to listen on (default: server.port, else 4280; 0 = any free)")
    Integer port;

    @Option(names = "--host", description = "address to bind (default: server.host, else 127.0.0.1)")
    String host;

    @Option(names = "--validate", paramLabel = "off|warn|strict",
            description = "request validation (default: server.validate, else strict)")
    String validate;

    @Option(names = "--watch", description = "reload when twin.yaml or an imported spec changes")
    boolean watch;

    @Option(names = "--max-body-size", paramLabel = "BYTES", description = "largest accepted request body")
    Integer maxBodySize;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() {
        RunningTwin twin;
        try {
            Path configFile = ConfigArguments.configFile(configOrDir, specs);
            TwinConfig config = ConfigArguments.load(configFile, specs);
            TwinServer.Builder builder = RunningTwin.builder(configFile, config);
            if (port != null) {
                builder.port(port);
            }
            if (host != null) {
                builder.host(host);
            }
            if (validate != null) {
                builder.validate(validationMode(validate));
            }
            if (maxBodySize != null) {
                builder.maxBodyBytes(maxBodySize);
            }
            twin = RunningTwin.start(builder.watch(watch), config, state.open(config, Clock.systemUTC()));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("twin serve: " + e.getMessage());
            return 2;
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("twin serve: " + e.getCause().getMessage());
            return 2;
        }
        TwinServer server = twin.server();
        String names = server.api().specs().stream().map(SpecDocument::namespace).collect(Collectors.joining(", "));
        spec.commandLine().getOut().println("twin serving " + server.api().operations().size()
                + " operations from " + names + " on " + server.baseUrl());
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            twin.close();
            stopped.countDown();
        }, "twin-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static ValidationMode validationMode(String value) {
        try {
            return ValidationMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--validate must be off, warn or strict, not '" + value + "'");
        }
    }
}
