package dev.twin.junit5;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a sample test class (a static nested class, which Surefire never runs on its own) on the JUnit Platform, as a
 * build would, and keeps the result of every test and container by display name.
 */
final class SampleRun {
    private final Class<?> sample;
    private final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    private final Map<String, TestExecutionResult> tests = new LinkedHashMap<>();

    private SampleRun(Class<?> sample) {
        this.sample = sample;
    }

    static SampleRun of(Class<?> sample, Map<String, String> configuration) {
        SampleRun run = new SampleRun(sample);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample))
                .configurationParameters(configuration).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                synchronized (run.results) {
                    run.results.put(test.getDisplayName(), result);
                    if (test.isTest()) {
                        run.tests.put(test.getUniqueId(), result);
                    }
                }
            }
        });
        return run;
    }

    static SampleRun of(Class<?> sample) {
        return of(sample, Map.of());
    }

    /** The result of the test or container with this display name (a method's is {@code name()}). */
    TestExecutionResult result(String displayName) {
        TestExecutionResult result = results.get(displayName);
        if (result == null) {
            throw new AssertionError("no test named " + displayName + " ran; ran: " + results.keySet());
        }
        return result;
    }

    /** The test methods and classes that did not succeed, with why. */
    Map<String, Throwable> failures() {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        results.forEach((name, result) -> {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.put(name, result.getThrowable().orElse(null));
            }
        });
        return failures;
    }

    /** The result of the sample class itself: what failed outside its tests (before all, after all). */
    TestExecutionResult classResult() {
        return result(sample.getName().substring(sample.getPackageName().length() + 1));
    }

    /** How many tests succeeded. */
    long succeeded() {
        return tests.values().stream().filter(r -> r.getStatus() == TestExecutionResult.Status.SUCCESSFUL).count();
    }
}
