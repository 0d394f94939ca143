package dev.twin.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a twin for this test class: started before the first test, reset for each test's tenant before it runs,
 * closed after the last. A test (or a {@code @BeforeEach} method) takes a {@link TwinRuntime} parameter for the base
 * URL and its own API key:
 *
 * <pre>{@code
 * @TwinTest("examples/stripe")
 * class CheckoutTest {
 *     @Test
 *     void createsACustomer(TwinRuntime twin) throws Exception {
 *         Stripe.overrideApiBase(twin.baseUrl());
 *         RequestOptions key = RequestOptions.builder().setApiKey(twin.apiKey()).build();
 *         Customer customer = Customer.create(params, key);
 *     }
 * }
 * }</pre>
 *
 * For more settings (recording, a twin per test, a clock) register a {@link TwinExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TwinExtension.class)
public @interface TwinTest {
    /** A twin.yaml, or a directory holding one, relative to the working directory (the module, under Maven). */
    String value();

    /** What each test's API key starts with; the rest is unique to the test. */
    String apiKeyPrefix() default TwinExtension.DEFAULT_API_KEY_PREFIX;

    /** Whether each test's tenant is reset before it runs. */
    boolean resetBeforeEach() default true;
}
