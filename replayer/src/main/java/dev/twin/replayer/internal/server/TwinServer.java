package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.internal.admin.AdminGate;
import dev.twin.replayer.internal.admin.AdminHandler;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.admin.BoundTable;
import dev.twin.replayer.internal.admin.BuiltInAdmin;
import dev.twin.replayer.internal.admin.RequestJournal;
import dev.twin.replayer.internal.admin.StoreHealth;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.config.ValidationMode;
import dev.twin.replayer.internal.startup.StartupCache;
import dev.twin.replayer.internal.state.SharedCursors;
import dev.twin.replayer.internal.state.StateHealth;
import dev.twin.replayer.internal.state.StateScope;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The twin HTTP server: answers every operation of the configured imports, plus the admin endpoints. It is one
 * part of a running twin; {@code dev.twin.replayer.Twin} puts it together with the tables, the sandbox controls and
 * their admin endpoints, and is what the command line and the tests start.
 */
public final class TwinServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TwinServer.class.getName());

    private final Builder settings;
    private final AtomicReference<ServedApi> api;
    private final AdminRoutes adminRoutes;
    private final RequestJournal journal;
    private final WriteCounts writeCounts = new WriteCounts();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel channel;
    private ConfigWatcher watcher;
    private volatile String lastReloadProblem;

    private TwinServer(Builder settings, ServedApi initial) {
        this.settings = settings;
        this.api = new AtomicReference<>(initial);
        this.adminRoutes = settings.adminRoutes;
        this.journal = new RequestJournal(settings.journalCapacity);
        this.journal.keepDetail(settings.journalDetail);
        BuiltInAdmin.register(adminRoutes, () -> api.get().operations(), journal, operation -> api.get().config()
                .extend().stream().filter(binding -> binding.mock().equals(operation)).findFirst()
                .map(binding -> new BoundTable(binding.table(), binding.action().yamlName(),
                        binding.mock(), binding.derived())).orElse(null),
                settings.stateHealth == null ? null : () -> {
                    StateHealth health = settings.stateHealth.get();
                    return new StoreHealth(health.kind(), health.store(), health.up(), health.latencyMillis(),
                            health.error());
                });
        // replay cursors are shared by every tenant, so only a full reset (no ?tenant=, no ?table=) rewinds them
        adminRoutes.afterSuccess("POST", "/__twin/reset", request -> {
            if (request.query().isEmpty()) {
                api.get().replay().rewind();
            }
        });
        // the write counter is a tenant's: reset with everything or with the tenant, not with one table
        adminRoutes.afterSuccess("POST", "/__twin/reset", request -> {
            StateScope scope = StateScope.of(request, api.get().tenants());
            if (scope.table() == null && scope.tenant() == null) {
                writeCounts.reset();
            } else if (scope.table() == null) {
                writeCounts.reset(scope.tenant());
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port bound (useful with {@code port(0)}). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) channel.localAddress()).getHostString();
    }

    /**
     * {@code http://127.0.0.1:PORT}, without a trailing slash: a URL this machine can use, also when the server
     * listens on every interface ({@code 0.0.0.0}, {@code ::}); an IPv6 address in brackets.
     */
    public String baseUrl() {
        InetAddress address = ((InetSocketAddress) channel.localAddress()).getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1"
                : address instanceof java.net.Inet6Address ? "[" + host() + "]" : host();
        return "http://" + host + ":" + port();
    }

    /** Whether the server listens on every interface rather than one address. */
    public boolean listensOnEveryInterface() {
        return ((InetSocketAddress) channel.localAddress()).getAddress().isAnyLocalAddress();
    }

    /** What the server currently answers from (replaced whole on reload). */
    public ServedApi api() {
        return api.get();
    }

    /** Who may use the admin API, as the server was started with. */
    public AdminAccess adminAccess() {
        return settings.admin;
    }

    /** Add admin endpoints here, e.g. {@code adminRoutes().add("POST", "/__twin/reset", handler)}. */
    public AdminRoutes adminRoutes() {
        return adminRoutes;
    }

    public RequestJournal journal() {
        return journal;
    }

    /**
     * Loads the configuration again (twin.yaml when started from a file, and every imported spec) and swaps it in.
     * On a problem the running configuration stays and the exception says why.
     */
    public ServedApi reload() throws ConfigException {
        TwinConfig config = settings.configFile != null ? ConfigLoader.load(settings.configFile, settings.cache)
                : settings.config;
        ServedApi next = ServedApiLoader.load(config, settings.stateful, settings.cache, settings.replayCursors);
        api.set(next);
        return next;
    }

    /**
     * One event loop per core, not Netty's two, less the threads the state store's client keeps busy (at least one
     * loop): on a small machine shared with the clients, fewer busy threads take bigger batches per wake-up and switch
     * less (on 2 cores, 2 loops used ~40 % less CPU per request than 4; with Redis, one loop beside Lettuce's I/O
     * thread 11–17 % less than two, docs/PERFORMANCE.md). {@code -Dio.netty.eventLoopThreads=N} decides when given.
     */
    static int eventLoops(int cores, int storeThreads, Integer asked) {
        return asked != null ? asked : Math.max(1, cores - storeThreads);
    }

    private TwinServer bind() throws InterruptedException {
        TwinConfig config = api.get().config();
        String host = settings.host != null ? settings.host : config.server().host();
        int port = settings.port != null ? settings.port : config.server().port();
        requireAdminProtection(host);
        boolean epoll = Epoll.isAvailable();
        bossGroup = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        int loops = eventLoops(Runtime.getRuntime().availableProcessors(), settings.storeThreads,
                Integer.getInteger("io.netty.eventLoopThreads"));
        workerGroup = epoll ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        RequestPipeline pipeline = new RequestPipeline(api::get, adminRoutes, new AdminGate(settings.admin), journal,
                settings.validate, settings.cors, writeCounts);
        DropLog drops = new DropLog();
        HttpHandler handler = new HttpHandler(pipeline, drops, settings.blockingWork);
        // the flags (or the embedding code) win over twin.yaml's server.limits
        ConnectionLimits connections = settings.connectionLimits != null ? settings.connectionLimits
                : ConnectionLimits.of(config.server().limits());
        HttpLimits requests = settings.httpLimits != null ? settings.httpLimits : HttpLimits.of(config.server().limits());
        ConnectionsPerAddress perAddress = new ConnectionsPerAddress(connections.maxConnectionsPerAddress(), drops);
        HttpDecoderConfig decoding = new HttpDecoderConfig()
                .setMaxInitialLineLength(requests.maxUrlLength() + RequestHeadCheck.REQUEST_LINE_SLACK)
                .setMaxHeaderSize(requests.maxHeaderBytes());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestClock clock = new RequestClock(ch, connections, drops);
                        // the encoder comes first: HttpHandler writes encoded answers from its context, below it
                        ch.pipeline().addLast(new HttpResponseEncoder(), perAddress,
                                new IdleStateHandler(connections.idleTimeout().toMillis(), 0, 0,
                                        java.util.concurrent.TimeUnit.MILLISECONDS),
                                clock.beforeDecoder(), new HttpRequestDecoder(decoding), clock.afterDecoder(),
                                new RequestHeadCheck(requests, drops), new BodyLimit(requests.maxBodyBytes(), drops),
                                handler);
                    }
                });
        try {
            channel = bootstrap.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            close();
            throw e;
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            close();
            throw new java.io.UncheckedIOException(new java.io.IOException(
                    "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e));
        }
        if (settings.watch) {
            watcher = ConfigWatcher.start(watchedFiles(), this::reloadQuietly);
        }
        return this;
    }

    /** Anything but loopback reaches the admin API from the network: it needs a token there, or no admin at all. */
    private void requireAdminProtection(String host) {
        if (!settings.admin.enabled() || settings.admin.token() != null) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ": no such host");
        }
        if (!loopback) {
            throw new IllegalArgumentException("listening on " + host + " opens the admin API (/__twin/) to the"
                    + " network; give an admin token (--admin-token, or the environment variable TWIN_ADMIN_TOKEN)"
                    + " or turn the admin API off (--no-admin)");
        }
    }

    private List<Path> watchedFiles() {
        List<Path> files = new java.util.ArrayList<>();
        if (settings.configFile != null) {
            files.add(java.nio.file.Files.isDirectory(settings.configFile)
                    ? settings.configFile.resolve(ConfigLoader.FILE_NAME) : settings.configFile);
        }
        api.get().config().imports().forEach(i -> files.add(i.path()));
        return files;
    }

    /**
     * Why the last {@code --watch} reload was refused (the running configuration stayed), or null when the last
     * reload succeeded or none happened.
     */
    public String lastReloadProblem() {
        return lastReloadProblem;
    }

    private void reloadQuietly() {
        try {
            ServedApi next = reload();
            lastReloadProblem = null;
            LOG.log(System.Logger.Level.INFO, "twin reloaded: serving " + next.operations().size() + " operations"
                    + next.specWarnings().stream().map(w -> "\n" + w.location() + ": warning: " + w.message())
                    .collect(java.util.stream.Collectors.joining()));
            if (watcher != null) {
                watcher.watch(watchedFiles());
            }
        } catch (ConfigException e) {
            lastReloadProblem = e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "twin kept the running configuration; the edit has problems:\n"
                    + e.getMessage());
        } catch (RuntimeException e) {
            lastReloadProblem = e.toString();
            LOG.log(System.Logger.Level.ERROR, "twin kept the running configuration; reloading failed", e);
        }
    }

    /** Stops listening and releases the event loops; safe to call more than once. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Settings for a {@link TwinServer}; command-line style overrides win over the config's {@code server:}. */
    public static final class Builder {
        private TwinConfig config;
        private Path configFile;
        private String host;
        private Integer port;
        private ValidationMode validate;
        /** Null: twin.yaml's {@code server.limits}. */
        private HttpLimits httpLimits;
        private ConnectionLimits connectionLimits;
        private Boolean cors;
        private AdminAccess admin = AdminAccess.OPEN_ON_LOOPBACK;
        private int journalCapacity = RequestJournal.DEFAULT_CAPACITY;
        private boolean journalDetail;
        private boolean watch;
        private ResponderFactory stateful = ResponderFactory.NONE;
        private StartupCache cache = StartupCache.shared();
        private final AdminRoutes adminRoutes = new AdminRoutes();
        private java.util.function.Supplier<StateHealth> stateHealth;
        private int storeThreads;
        private java.util.concurrent.Executor blockingWork;
        private SharedCursors replayCursors;

        private Builder() {
        }

        /** A twin.yaml, or a directory holding one; read on start and on every reload. */
        public Builder configFile(Path file) {
            this.configFile = file;
            this.config = null;
            return this;
        }

        /**
         * A twin.yaml already loaded from {@code file}: served as it is (the file is not read a second time at
         * start) and read again from {@code file} on every reload.
         */
        public Builder configFile(Path file, TwinConfig loaded) {
            this.configFile = file;
            this.config = loaded;
            return this;
        }

        /** An already loaded configuration (reload re-reads its specs only). */
        public Builder config(TwinConfig loaded) {
            this.config = loaded;
            this.configFile = null;
            return this;
        }

        /** Serve these specs with default settings, each namespaced by its file name. */
        public Builder specs(Path... specs) {
            return config(ConfigLoader.forSpecs(List.of(specs)));
        }

        public Builder host(String bindHost) {
            this.host = bindHost;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int bindPort) {
            this.port = bindPort;
            return this;
        }

        public Builder validate(ValidationMode mode) {
            this.validate = mode;
            return this;
        }

        /** CORS on the API's routes on or off, whatever {@code server.cors} says; null: as it says. */
        public Builder cors(Boolean enabled) {
            this.cors = enabled;
            return this;
        }

        /** The largest body, the other sizes {@link HttpLimits#DEFAULTS}'s unless given. */
        public Builder maxBodyBytes(int bytes) {
            this.httpLimits = (httpLimits != null ? httpLimits : HttpLimits.DEFAULTS).withMaxBodyBytes(bytes);
            return this;
        }

        /** The largest URL, headers and body the server reads (default: twin.yaml's {@code server.limits}). */
        public Builder httpLimits(HttpLimits limits) {
            this.httpLimits = limits;
            return this;
        }

        /**
         * Header, body and idle timeouts, connections per client address (default: twin.yaml's
         * {@code server.limits}).
         */
        public Builder connectionLimits(ConnectionLimits limits) {
            this.connectionLimits = limits;
            return this;
        }

        /**
         * Who may use {@code /__twin/} (default: anyone on loopback, no token). Listening on any other address
         * needs a token or admin turned off; {@link #start()} refuses otherwise.
         */
        public Builder admin(AdminAccess access) {
            this.admin = access;
            return this;
        }

        public Builder journalCapacity(int entries) {
            this.journalCapacity = entries;
            return this;
        }

        /**
         * Keep every request's detail in the journal (request, response, state changes, events), not only while
         * an inspector page is connected ({@code twin serve --journal-detail}).
         */
        public Builder journalDetail(boolean always) {
            this.journalDetail = always;
            return this;
        }

        /** Reload when twin.yaml or an imported spec changes. */
        public Builder watch(boolean enabled) {
            this.watch = enabled;
            return this;
        }

        /** The stateful part (tables); asked before the spec for every validated request. */
        public Builder stateful(ResponderFactory factory) {
            this.stateful = factory;
            return this;
        }

        /** The state store's health, shown by {@code /__twin/health} (default: none, the state is in memory). */
        public Builder stateHealth(java.util.function.Supplier<StateHealth> health) {
            this.stateHealth = health;
            return this;
        }

        /**
         * Answers requests on this executor instead of the event loops: for state kept elsewhere (a shared Redis),
         * whose every transaction waits for the network. Each connection's answers still go out in order, written
         * by its event loop. Default: none, requests are answered on the event loops (in-memory state never waits).
         */
        public Builder blockingWork(java.util.concurrent.Executor executor) {
            this.blockingWork = executor;
            return this;
        }

        /**
         * Threads the state store's client keeps busy under load (Redis: Lettuce's I/O thread); the server runs that
         * many event loops fewer ({@link TwinServer#eventLoops}). Default: none.
         */
        public Builder storeThreads(int threads) {
            this.storeThreads = threads;
            return this;
        }

        /** Where {@code replay:}'s cursors are counted when several replicas share them (default: here). */
        public Builder replayCursors(SharedCursors cursors) {
            this.replayCursors = cursors;
            return this;
        }

        /** Where start-up work is cached between launches (default {@link StartupCache#shared()}). */
        public Builder startupCache(StartupCache startupCache) {
            this.cache = java.util.Objects.requireNonNull(startupCache, "startupCache");
            return this;
        }

        public Builder adminRoute(String method, String path, AdminHandler handler) {
            adminRoutes.add(method, path, handler);
            return this;
        }

        /**
         * Loads everything, then binds. Nothing listens if the configuration has problems.
         *
         * @throws ConfigException every problem in twin.yaml and the imported specs
         */
        public TwinServer start() throws ConfigException {
            if (config == null && configFile == null) {
                throw new IllegalStateException("a TwinServer needs configFile(..), config(..) or specs(..)");
            }
            Warmup.startInBackground(cache);
            TwinConfig loaded = config != null ? config : ConfigLoader.load(configFile, cache);
            ServedApi initial = ServedApiLoader.load(loaded, stateful, cache, replayCursors);
            try {
                return new TwinServer(this, initial).bind();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding", e);
            }
        }
    }
}
