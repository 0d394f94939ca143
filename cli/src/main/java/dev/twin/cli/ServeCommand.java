package dev.twin.cli;

import dev.twin.inspector.Inspector;
import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.StateSetting;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.config.ValidationMode;
import dev.twin.replayer.internal.server.ConnectionLimits;
import dev.twin.replayer.internal.server.HttpLimits;
import dev.twin.replayer.internal.server.TwinServer;
import dev.twin.replayer.internal.spec.SpecDocument;
import io.netty.util.ResourceLeakDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--stateful", description = "keep state for every resource the specs describe, with no tables "
            + "or bindings written (as stateful: auto in twin.yaml; docs/stateful-auto.md)")
    boolean stateful;

    @Option(names = "--clock", paramLabel = "system|manual",
            description = "the twin's time: system (real time), or manual (stands still until `twin clock advance` "
                    + "or POST /__twin/clock moves it; default: clock: in twin.yaml, else system)")
    String clock;

    @Option(names = "--cors", arity = "0..1", paramLabel = "true|false", fallbackValue = "true",
            description = "answer CORS preflights and allow every origin on the API's routes, never on /__twin/ "
                    + "(default: server.cors, else true; --cors=false turns it off)")
    Boolean cors;

    @Option(names = "--max-body-size", paramLabel = "BYTES",
            description = "largest accepted request body (default: 10 MiB; larger: 413)")
    Integer maxBodySize;

    @Option(names = "--max-url-length", paramLabel = "CHARS",
            description = "longest accepted request URL (default: 8192; longer: 414)")
    Integer maxUrlLength;

    @Option(names = "--max-header-size", paramLabel = "BYTES", converter = ByteSizeConverter.class,
            description = "largest accepted request headers, all lines together (default: 16KB; larger: 431)")
    Long maxHeaderSize;

    @Option(names = "--max-headers", paramLabel = "N",
            description = "most header lines in a request (default: 100; more: 431)")
    Integer maxHeaders;

    @Option(names = "--header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "a request head not complete this long after its first byte is answered 408 and its "
                    + "connection closed (default: 10s)")
    Duration headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "a request body not complete this long after its head is answered 408 and its connection "
                    + "closed (default: 30s)")
    Duration bodyTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "close keep-alive connections idle this long between requests (default: 60s)")
    Duration idleTimeout;

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "connections open at once from one client address; more are answered 503 "
                    + "(default: 4096)")
    Integer maxConnectionsPerAddress;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:TWIN_ADMIN_TOKEN}",
            description = "require Authorization: Bearer TOKEN on every /__twin/ request (default: the environment "
                    + "variable TWIN_ADMIN_TOKEN); needed to listen beyond loopback")
    String adminToken;

    @Option(names = "--admin-origin", paramLabel = "ORIGIN",
            description = "a browser origin, besides loopback ones, whose pages may call /__twin/, e.g. "
                    + "https://dashboard.example:8443 (repeatable)")
    List<String> adminOrigins;

    @Option(names = "--no-admin", description = "turn the admin API (/__twin/) off")
    boolean noAdmin;

    @Option(names = "--verify-report", paramLabel = "FILE",
            description = "show this twin verify --report file in the inspector page's Fidelity view (read again on "
                    + "every visit)")
    Path verifyReport;

    @Option(names = "--journal-detail",
            description = "keep every request's detail (request, response, state changes, events) in the journal, "
                    + "not only while an inspector page is open")
    boolean journalDetail;

    @Option(names = "--state", paramLabel = "FILE|URL",
            description = "keep tables, tenants and snapshots in this file so they survive a restart, or in Redis "
                    + "(redis://[user:password@]host:port[/db][?prefix=NAME], rediss:// for TLS) shared by several "
                    + "replicas of the twin (docs/redis.md) (default: twin.yaml's state:, else in memory)")
    String state;

    @Override
    public Integer call() {
        quietLeakDetection();
        Twin twin;
        try {
            Path configFile = ConfigArguments.configFile(configOrDir, specs);
            TwinConfig config = ConfigArguments.load(configFile, specs);
            checkStatefulWatch(configFile, config);
            Twin.Builder builder = ConfigArguments.twin(configFile, config).userHome()
                    .host(host != null ? host : config.server().host())
                    .port(port != null ? port : config.server().port());
            if (stateful) {
                builder.statefulAuto();
            }
            if (clock != null) {
                switch (clock.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "manual" -> builder.manualClock();
                    case "system" -> builder.systemClock();
                    default -> throw new IllegalArgumentException("--clock must be system or manual, got '" + clock
                            + "'");
                }
            }
            if (validate != null) {
                builder.validate(validationMode(validate));
            }
            builder.cors(cors);
            builder.httpLimits(httpLimits(config)).connectionLimits(connectionLimits(config)).admin(adminAccess());
            if (state != null) {
                builder.state(StateSetting.parse(state, Path.of("")));
            }
            twin = builder.watch(watch).journalDetail(journalDetail).start();
            Inspector.serve(twin.internals().server().adminRoutes(), verifyReport);
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
        TwinServer server = twin.internals().server();
        server.api().specWarnings().forEach(warning -> spec.commandLine().getErr().println(warning.location()
                + ": warning: " + warning.message()));
        String names = server.api().specs().stream().map(SpecDocument::namespace).collect(Collectors.joining(", "));
        spec.commandLine().getOut().println("twin serving " + server.api().operations().size()
                + " operations from " + names + " on " + server.baseUrl()
                + (server.listensOnEveryInterface() ? " and every other interface" : ""));
        var derived = server.api().config().stateful().derivedTables();
        if (derived != null) {
            spec.commandLine().getOut().println("stateful: auto: " + derived.size()
                    + " tables derived from the specs (docs/stateful-auto.md)");
        }
        spec.commandLine().getOut().println(adminNotice(server));
        if (server.adminAccess().enabled()) {
            spec.commandLine().getOut().println("inspector at " + server.baseUrl() + "/__twin/ui");
        }
        if (twin.internals().tables().store().isShared()) {
            spec.commandLine().getOut().println("state shared in " + twin.internals().tables().store().sharedState()
                    .health().store() + " (docs/redis.md)");
        }
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

    /** {@code --stateful} is not in the file a {@code --watch} reload reads: refused, saying what to write. */
    private void checkStatefulWatch(Path configFile, TwinConfig config) {
        if (stateful && configFile != null && watch && !config.stateful().auto()) {
            throw new IllegalArgumentException("--stateful with --watch: a reload reads " + configFile
                    + " again, so write 'stateful: auto' in it instead");
        }
    }

    /** The flags given, else twin.yaml's {@code server.limits}. */
    private HttpLimits httpLimits(TwinConfig config) {
        HttpLimits d = HttpLimits.of(config.server().limits());
        if (maxHeaderSize != null && maxHeaderSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--max-header-size " + maxHeaderSize + " is more than 2GB");
        }
        return new HttpLimits(maxUrlLength != null ? maxUrlLength : d.maxUrlLength(),
                maxHeaderSize != null ? maxHeaderSize.intValue() : d.maxHeaderBytes(),
                maxHeaders != null ? maxHeaders : d.maxHeaderCount(),
                maxBodySize != null ? maxBodySize : d.maxBodyBytes());
    }

    private ConnectionLimits connectionLimits(TwinConfig config) {
        ConnectionLimits d = ConnectionLimits.of(config.server().limits());
        return new ConnectionLimits(headerTimeout != null ? headerTimeout : d.headerTimeout(),
                idleTimeout != null ? idleTimeout : d.idleTimeout(),
                maxConnectionsPerAddress != null ? maxConnectionsPerAddress : d.maxConnectionsPerAddress(),
                bodyTimeout != null ? bodyTimeout : d.bodyTimeout());
    }

    private AdminAccess adminAccess() {
        if (noAdmin) {
            return AdminAccess.OFF;
        }
        boolean tokenGiven = adminToken != null && !adminToken.isBlank();
        return AdminAccess.of(true, tokenGiven ? adminToken.trim() : null,
                adminOrigins == null ? List.of() : adminOrigins);
    }

    /** Where the admin API is and whether it is protected, for the start-up lines. */
    private static String adminNotice(TwinServer server) {
        AdminAccess access = server.adminAccess();
        if (!access.enabled()) {
            return "admin API off (--no-admin)";
        }
        String where = server.listensOnEveryInterface() ? " and on every other interface" : "";
        return "admin API at " + server.baseUrl() + "/__twin/" + where + " " + (access.tokenRequired()
                ? "(admin token required: Authorization: Bearer ...)"
                : "(loopback only, no token: any program on this machine may use it)");
    }

    private static ValidationMode validationMode(String value) {
        try {
            return ValidationMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--validate must be off, warn or strict, not '" + value + "'");
        }
    }

    /**
     * A resident server does not sample its buffers for leaks unless asked to ({@code
     * -Dio.netty.leakDetection.level=simple}): Netty's default takes a stack trace of one buffer allocation in 128,
     * which on a replica on Redis was a few percent of its CPU (docs/PERFORMANCE.md).
     */
    private static void quietLeakDetection() {
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
