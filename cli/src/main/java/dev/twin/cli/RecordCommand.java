package dev.twin.cli;

import dev.twin.inspector.recording.RecordingInspector;
import dev.twin.proxy.ForwardProxyServer;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.proxy.ca.CertificateAuthority;
import dev.twin.proxy.ca.LeafCertificates;
import dev.twin.proxy.tls.HostPatterns;
import dev.twin.proxy.tls.TlsInterception;
import dev.twin.proxy.tls.UpstreamTrust;
import dev.twin.recorder.ExchangeSink;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.StoreException;
import dev.twin.replayer.internal.admin.AdminAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record real traffic into the store.",
                "Reverse proxy: --upstream https://api.example.com, then point the client's base URL at twin.",
                "Forward proxy: --proxy, then set twin as the client's HTTP(S) proxy and trust `twin ca export`."})
final class RecordCommand implements Callable<Integer> {
    private static final int USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--upstream", paramLabel = "URL", description = "the API to record, e.g. https://api.example.com")
    String upstream;

    @Option(names = "--proxy", description = "run as a forward proxy (HTTP and CONNECT) instead of a reverse proxy")
    boolean forwardProxy;

    @Option(names = "--port", paramLabel = "PORT",
            description = "port to listen on (default: 8081, or 8888 with --proxy; 0 = any free)")
    Integer port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--store", defaultValue = "twin.db", paramLabel = "FILE",
            description = "recording store (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--session", defaultValue = "default", paramLabel = "NAME",
            description = "session name (default: ${DEFAULT-VALUE})")
    String session;

    @Option(names = "--upstream-ca", paramLabel = "FILE",
            description = "PEM CA certificate(s) to trust for the upstream instead of the JDK trust store")
    Path upstreamCa;

    @Option(names = "--insecure-upstream",
            description = "do not verify upstream TLS certificates (self-signed sandboxes)")
    boolean insecureUpstream;

    @Option(names = "--upstream-timeout", defaultValue = "30s", converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "wait this long for the upstream to connect and answer (default: ${DEFAULT-VALUE})")
    Duration upstreamTimeout;

    @Option(names = "--max-body", defaultValue = "10MB", converter = ByteSizeConverter.class, paramLabel = "SIZE",
            description = "record at most this much of each body; larger bodies are forwarded in full"
                    + " (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--redact", paramLabel = "NAME",
            description = "also redact this header / query / form / JSON field name (repeatable, * allowed)")
    List<String> redact = List.of();

    @Option(names = "--no-redact", description = "store credentials in clear text (not recommended)")
    boolean noRedact;

    @Option(names = "--intercept-host", paramLabel = "GLOB",
            description = "with --proxy: decrypt HTTPS only for these hosts (repeatable; default: all)")
    List<String> interceptHosts = List.of();

    @Option(names = "--ui-port", paramLabel = "PORT", defaultValue = "0",
            description = "port of the inspector page on 127.0.0.1 (default: any free one, printed at start)")
    int uiPort;

    @Option(names = "--no-ui", description = "do not serve the inspector page")
    boolean noUi;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Runnable stopAction = () -> { };

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Recording recording;
        try {
            recording = start(err);
        } catch (UserError e) {
            err.println("twin record: " + e.getMessage());
            err.flush();
            return USER_ERROR;
        }
        out.println(recording.banner());
        out.flush();
        Thread hook = new Thread(recording::close, "twin-record-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopAction = () -> {
            Runtime.getRuntime().removeShutdownHook(hook);
            recording.close();
            stopped.countDown();
        };
        stopped.await();
        return 0;
    }

    /** Stops a running {@link #call()} as SIGINT would (tests; the shutdown hook does the same on signals). */
    void stop() {
        stopAction.run();
    }

    private Recording start(PrintWriter err) {
        if ((upstream == null) == !forwardProxy) {
            throw new UserError("give either --upstream URL (reverse proxy) or --proxy (forward proxy)");
        }
        Origin origin = null;
        if (upstream != null) {
            try {
                origin = Origin.parse(upstream);
            } catch (IllegalArgumentException e) {
                throw new UserError("bad --upstream: " + e.getMessage());
            }
        }
        if (!forwardProxy && !interceptHosts.isEmpty()) {
            throw new UserError("--intercept-host only applies with --proxy");
        }
        ProxyConfig config = config();
        if (insecureUpstream) {
            err.println("WARNING: --insecure-upstream: upstream TLS certificates are NOT verified;"
                    + " anyone between twin and the upstream can read and change this traffic.");
        }
        if (noRedact) {
            err.println("WARNING: --no-redact: credentials (Authorization, cookies, API keys, tokens) will be stored"
                    + " in clear text in " + store);
        }
        err.flush();
        CertificateAuthority ca = forwardProxy ? certificateAuthority() : null;
        RecordingStore recordingStore;
        try {
            recordingStore = RecordingStore.open(store);
        } catch (StoreException e) {
            throw new UserError(e.getMessage());
        }
        Redactor redactor = redactor();
        ExchangeSink writer = AnswerBeforeStoredSink.forBenchOr(
                recordingStore.writer(redactor, RecordingStore.DEFAULT_COMMIT_INTERVAL));
        try {
            if (forwardProxy) {
                HostPatterns intercepted = interceptHosts.isEmpty() ? HostPatterns.all()
                        : HostPatterns.of(interceptHosts);
                ForwardProxyServer server = ForwardProxyServer.start(config,
                        new TlsInterception(intercepted, new LeafCertificates(ca)), writer);
                String banner = "recording via proxy http://" + host + ":" + server.port() + " (intercepting "
                        + (interceptHosts.isEmpty() ? "all hosts" : String.join(", ", interceptHosts))
                        + "; trust " + ca.certificateFile() + ") into " + store + " (session " + session + ")";
                return withPage(new Recording(server, recordingStore, banner), redactor);
            }
            ReverseProxyServer server = ReverseProxyServer.start(config, origin, writer);
            String banner = "recording " + origin.url() + " via http://" + host + ":" + server.port() + " into "
                    + store + " (session " + session + ")";
            return withPage(new Recording(server, recordingStore, banner), redactor);
        } catch (IOException | IllegalArgumentException e) {
            recordingStore.close();
            throw new UserError(e.getMessage());
        }
    }

    /** The inspector page beside the proxy, on loopback (unless --no-ui). */
    private Recording withPage(Recording recording, Redactor redactor) {
        if (noUi) {
            return recording;
        }
        try {
            RecordingInspector page = RecordingInspector.start("127.0.0.1", uiPort, AdminAccess.OPEN_ON_LOOPBACK,
                    new RecordingInspector.Recording(recording.store, session, recording.banner, redactor,
                            Path.of("").toAbsolutePath()));
            recording.page = page;
            recording.banner = recording.banner + "\ninspector at " + page.pageUrl();
            return recording;
        } catch (RuntimeException e) {
            recording.close();
            throw new UserError("cannot serve the inspector page on 127.0.0.1:" + uiPort + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + " (pick another --ui-port,"
                    + " or --no-ui)");
        }
    }

    private ProxyConfig config() {
        UpstreamTrust trust;
        if (insecureUpstream && upstreamCa != null) {
            throw new UserError("--upstream-ca and --insecure-upstream exclude each other");
        } else if (insecureUpstream) {
            trust = UpstreamTrust.trustingAnything();
        } else if (upstreamCa != null) {
            trust = UpstreamTrust.caFile(upstreamCa);
        } else {
            trust = UpstreamTrust.jdkDefault();
        }
        int listenPort = port != null ? port : forwardProxy ? 8888 : 8081;
        try {
            return new ProxyConfig(host, listenPort, session, upstreamTimeout, maxBody, trust);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private Redactor redactor() {
        if (noRedact) {
            return Redactor.none();
        }
        return redact.isEmpty() ? Redactor.defaults() : Redactor.withExtraNames(redact);
    }

    private static CertificateAuthority certificateAuthority() {
        try {
            return CertificateAuthority.atTwinHome();
        } catch (IOException e) {
            throw new UserError("cannot create or read twin's CA: " + e.getMessage());
        }
    }

    /** A running proxy and its store; closing stops accepting traffic, then flushes and closes the store. */
    private static final class Recording {
        private final AutoCloseable server;
        private final RecordingStore store;
        private String banner;
        private RecordingInspector page;
        private boolean closed;

        Recording(AutoCloseable server, RecordingStore store, String banner) {
            this.server = server;
            this.store = store;
            this.banner = banner;
        }

        String banner() {
            return banner;
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (page != null) {
                page.close();
            }
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("twin record: stopping the proxy failed: " + e.getMessage());
            }
            store.close();
        }
    }

    /** A mistake in the command line or the environment, reported as one line and exit code 2. */
    private static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
