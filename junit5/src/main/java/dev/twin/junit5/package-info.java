/**
 * twin in JUnit 5 tests: {@link dev.twin.junit5.TwinTest @TwinTest} or a registered
 * {@link dev.twin.junit5.TwinExtension} starts a twin for a test class (or for each test), gives each test its own
 * API key so that tests running in parallel never see each other's rows, adds the twin's journal to a failing
 * test's report, and can record a real API once and replay the inferred twin from then on.
 */
package dev.twin.junit5;
