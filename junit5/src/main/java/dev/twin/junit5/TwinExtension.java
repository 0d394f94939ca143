package dev.twin.junit5;

import dev.twin.replayer.Twin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A twin for JUnit 5 tests. Registered on a static field it serves one twin for the test class; on an instance field,
 * one twin per test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TwinExtension twin = TwinExtension.builder().config(Path.of("examples/stripe")).build();
 *
 * @Test
 * void createsACustomer(TwinRuntime runtime) throws Exception {
 *     Stripe.overrideApiBase(runtime.baseUrl());
 *     Customer.create(params, RequestOptions.builder().setApiKey(runtime.apiKey()).build());
 * }
 * }</pre>
 *
 * <p>Each test gets an API key of its own ({@link TwinRuntime#apiKey()}); the twin keeps each key's rows apart, so
 * tests may run in parallel against one twin. Before each test its tenant is reset. When a test fails, the twin's
 * journal of that test's requests is added to the failure ({@link TwinJournal}).
 *
 * <p>With {@link Builder#recording} the class records the real API once and replays the inferred twin from then on;
 * {@link TwinMode} tells how.
 */
public final class TwinExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {
    /** What each test's API key starts with unless told otherwise. */
    public static final String DEFAULT_API_KEY_PREFIX = "sk_test_";
    /** The lowest passing score of {@link TwinMode#VERIFY}, as for {@code twin verify}. */
    public static final double DEFAULT_MIN_SCORE = 0.99;

    private static final String CLASS_TWIN = "class twin";
    private static final String TEST_TWIN = "test twin";
    private static final String RUNTIME = "runtime";

    private final Settings fixed;
    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(TwinExtension.class, this);
    private volatile TestTwin latest;

    /** For {@link TwinTest @TwinTest}: the settings come from the annotation. */
    TwinExtension() {
        this.fixed = null;
    }

    private TwinExtension(Settings settings) {
        this.fixed = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running twin: the class's, or with a twin per test, the one of the test that started last.
     *
     * @throws IllegalStateException before the class started, after it ended, or while recording
     */
    public Twin twin() {
        return runningOrFail().twin();
    }

    /** The running twin's base URL (while recording, the proxy's). */
    public String baseUrl() {
        return runningOrFail().baseUrl();
    }

    private TestTwin runningOrFail() {
        TestTwin running = latest;
        if (running == null) {
            throw new IllegalStateException("no twin runs outside the tests of the class that registered it");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (context.getStore(namespace).get(CLASS_TWIN) != null) {
            return; // a @Nested class uses its enclosing class's twin
        }
        TestTwin twin = start(context);
        context.getStore(namespace).put(CLASS_TWIN, twin);
        latest = twin;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestTwin twin = context.getStore(namespace).remove(CLASS_TWIN, TestTwin.class);
        if (twin != null) {
            latest = null;
            twin.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(namespace);
        TestTwin twin = store.get(CLASS_TWIN, TestTwin.class);
        if (twin == null) {
            twin = start(context);
            store.put(TEST_TWIN, twin);
            latest = twin;
        }
        store.put(RUNTIME, twin.runtimeFor(context.getUniqueId()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(namespace);
        store.remove(RUNTIME);
        TestTwin twin = store.remove(TEST_TWIN, TestTwin.class);
        if (twin != null) {
            twin.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TwinRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TwinRuntime runtime = context.getStore(namespace).get(RUNTIME, TwinRuntime.class);
        if (runtime == null) {
            throw new ParameterResolutionException("a TwinRuntime belongs to one test: take it in a test or"
                    + " @BeforeEach method, not in " + parameter.getDeclaringExecutable().getName()
                    + " (the class's twin is TwinExtension.twin())");
        }
        return runtime;
    }

    /** Adds the twin's journal of this test to its failure, then lets the failure through. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        TwinRuntime runtime = context.getStore(namespace).get(RUNTIME, TwinRuntime.class);
        if (runtime != null && runtime.mode() != TwinMode.RECORD) {
            thrown.addSuppressed(new TwinJournal(runtime.tenant(), runtime.requests()));
        }
        throw thrown;
    }

    private TestTwin start(ExtensionContext context) throws Exception {
        TwinMode asked = TwinMode.asked(context.getConfigurationParameter(TwinMode.PROPERTY).orElse(null));
        return TestTwin.start(settings(context), context.getRequiredTestClass(), asked);
    }

    private Settings settings(ExtensionContext context) {
        if (fixed != null) {
            return fixed;
        }
        TwinTest declared = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), TwinTest.class)
                .orElseThrow(() -> new IllegalStateException("TwinExtension registered without settings on "
                        + context.getRequiredTestClass().getName() + ": annotate the class with @TwinTest(\"path\")"
                        + " or register TwinExtension.builder()...build()"));
        return new Builder().config(Path.of(declared.value())).apiKeyPrefix(declared.apiKeyPrefix())
                .resetBeforeEach(declared.resetBeforeEach()).settings();
    }

    /**
     * The extension's settings, all fixed when the test class starts.
     *
     * @param config       the twin.yaml (or its directory) to serve; null when recording
     * @param upstream     the real API to record, or null
     * @param twinDir      where a recording's twin and recording are kept; null for the default
     * @param mode         the mode the tests asked for, or null to follow {@code TWIN_MODE}
     * @param upstreamKey  the API key tests send while recording, or null for a key per test
     * @param options      more settings of the {@link Twin} served
     */
    record Settings(Path config, String upstream, Path twinDir, TwinMode mode, boolean resetBeforeEach,
                    boolean tenantPerTest, String apiKeyPrefix, String upstreamKey, double minScore,
                    Consumer<Twin.Builder> options) {
        /** The default twin directory of a recording test class: {@code src/test/resources/twin/SimpleName}. */
        Path twinDirFor(Class<?> testClass) {
            return twinDir != null ? twinDir : Path.of("src", "test", "resources", "twin", testClass.getSimpleName());
        }
    }

    /** Settings for a {@link TwinExtension}: what to serve, or what to record, and how tests share it. */
    public static final class Builder {
        private Path config;
        private String upstream;
        private Path twinDir;
        private TwinMode mode;
        private boolean resetBeforeEach = true;
        private boolean tenantPerTest = true;
        private String apiKeyPrefix = DEFAULT_API_KEY_PREFIX;
        private String upstreamKey;
        private double minScore = DEFAULT_MIN_SCORE;
        private Consumer<Twin.Builder> options = builder -> { };

        private Builder() {
        }

        /** Serve this twin.yaml, or a directory holding one. */
        public Builder config(Path configOrDir) {
            this.config = Objects.requireNonNull(configOrDir, "configOrDir");
            this.upstream = null;
            return this;
        }

        /**
         * Record this real API (e.g. {@code https://api.example.com}) the first time, replay the inferred twin after.
         * The twin and the recording are kept in {@link #twinDirectory} (check them in); {@code TWIN_MODE=record}
         * records again, {@code TWIN_MODE=verify} checks the twin against the recording first.
         */
        public Builder recording(String upstreamUrl) {
            this.upstream = Objects.requireNonNull(upstreamUrl, "upstreamUrl");
            this.config = null;
            return this;
        }

        /** Where a recording class keeps its twin (default {@code src/test/resources/twin/<test class name>}). */
        public Builder twinDirectory(Path dir) {
            this.twinDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The mode of a recording class, instead of the one {@code TWIN_MODE} asks for. */
        public Builder mode(TwinMode fixedMode) {
            this.mode = Objects.requireNonNull(fixedMode, "fixedMode");
            return this;
        }

        /** The API key the tests send while recording: one the real API accepts (default: a key per test). */
        public Builder upstreamApiKey(String apiKey) {
            this.upstreamKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** The lowest score {@link TwinMode#VERIFY} passes, 0 to 1 (default {@link #DEFAULT_MIN_SCORE}). */
        public Builder minScore(double score) {
            if (score < 0 || score > 1) {
                throw new IllegalArgumentException("minScore must be between 0 and 1, not " + score);
            }
            this.minScore = score;
            return this;
        }

        /** Whether each test's tenant (or, without a tenant per test, the whole twin) is reset before it runs. */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /**
         * Whether each test gets an API key of its own (default). Without, every test sends the same key and a reset
         * before each test resets the whole twin: the tests must not run in parallel.
         */
        public Builder tenantPerTest(boolean perTest) {
            this.tenantPerTest = perTest;
            return this;
        }

        /** What each test's API key starts with (default {@value TwinExtension#DEFAULT_API_KEY_PREFIX}). */
        public Builder apiKeyPrefix(String prefix) {
            this.apiKeyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** More settings of the twin served, e.g. {@code twin -> twin.clock(clock)}. */
        public Builder configure(Consumer<Twin.Builder> twinOptions) {
            this.options = Objects.requireNonNull(twinOptions, "twinOptions");
            return this;
        }

        public TwinExtension build() {
            return new TwinExtension(settings());
        }

        private Settings settings() {
            if (config == null && upstream == null) {
                throw new IllegalStateException("a TwinExtension needs config(path) or recording(upstreamUrl)");
            }
            return new Settings(config, upstream, twinDir, mode, resetBeforeEach, tenantPerTest, apiKeyPrefix,
                    upstreamKey, minScore, options);
        }
    }
}
