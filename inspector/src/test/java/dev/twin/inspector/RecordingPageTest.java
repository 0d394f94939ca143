package dev.twin.inspector;

import dev.twin.inspector.recording.RecordingInspector;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.internal.admin.AdminAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inspector page of {@code twin record} in a real headless Chromium: a reverse proxy records a twin (as an
 * upstream) into a store while the page shows the session.
 */
class RecordingPageTest {
    private static final String SECRET = "sk_test_recorded_secret";
    private static Browser browser;

    @TempDir
    Path dir;
    private ShopTwin upstream;
    private RecordingStore store;
    private ReverseProxyServer proxy;
    private RecordingInspector page;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startRecording() throws Exception {
        Files.createDirectories(dir.resolve("upstream"));
        upstream = ShopTwin.start(dir.resolve("upstream"), "http://127.0.0.1:9/hook", null);
        store = RecordingStore.open(dir.resolve("twin.db"));
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withSession("checkout"),
                Origin.parse(upstream.baseUrl()), store.writer(Redactor.defaults()));
        page = RecordingInspector.start("127.0.0.1", 0, AdminAccess.OPEN_ON_LOOPBACK, new RecordingInspector.Recording(
                store, "checkout", "recording " + upstream.baseUrl() + " via http://127.0.0.1:" + proxy.port(),
                Redactor.defaults(), dir));
    }

    @AfterEach
    void stopRecording() {
        for (AutoCloseable part : new AutoCloseable[] {page, proxy, store, upstream}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRecordingSessionShowsItsExchangesRedactedAndInfersATwin() throws Exception {
        browser.forgetEarlierPages();
        browser.open(page.pageUrl());
        browser.text("#status", "live");

        assertEquals(201, send("POST", "/v1/customers", "{\"name\":\"Jenny\",\"password\":\"hunter2\"}"));
        assertEquals(200, send("GET", "/v1/customers", null));
        assertEquals(200, send("GET", "/v1/ping", null));

        WebElement created = browser.text("#exchange-rows tr", "/v1/customers");
        browser.text("#exchange-rows tr", "/v1/ping");
        browser.until(d -> browser.find("#exchange-rows").getText().lines().count() >= 3);
        browser.find("#exchange-rows tr:last-child").click();
        browser.text("#exchange-detail", "POST");
        browser.text("#exchange-detail", "Bearer redacted:");
        String source = browser.driver().getPageSource();
        assertFalse(source.contains(SECRET), "the API key is shown redacted");
        assertFalse(source.contains("hunter2"), "a password field is shown redacted");
        assertTrue(created.isDisplayed());

        browser.find("#infer-out").clear();
        browser.find("#infer-out").sendKeys("twin-checkout");
        browser.find("#infer").click();
        browser.text("#inference .inference-done", "wrote ");
        browser.text("#serve-command", "twin serve twin-checkout");
        browser.screenshot("recording");
        assertTrue(Files.isRegularFile(dir.resolve("twin-checkout").resolve("twin.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("twin-checkout").resolve("openapi.yaml")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theHarDownloadHoldsTheSessionRedacted() throws Exception {
        send("POST", "/v1/customers", "{\"name\":\"Ada\"}");
        browser.open(page.pageUrl());
        browser.text("#exchange-rows tr", "/v1/customers");

        HttpResponse<String> har = http.send(HttpRequest.newBuilder(URI.create(page.pageUrl()
                .replace("/__twin/ui", "/__twin/recording/har"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, har.statusCode());
        assertTrue(har.headers().firstValue("Content-Disposition").orElse("").contains("checkout.har"));
        assertTrue(har.body().contains("\"/v1/customers\"") || har.body().contains("/v1/customers"), har.body());
        assertFalse(har.body().contains(SECRET), "the HAR holds the key redacted");
        // the page's button fetches the same route with the page's credentials
        assertTrue(browser.find("#har-download").isDisplayed());
    }

    @Test
    void inferenceRefusesADirectoryOutsideTheWorkingDirectory() {
        browser.open(page.pageUrl());
        browser.find("#infer-out").clear();
        browser.find("#infer-out").sendKeys("../elsewhere");
        browser.find("#infer").click();
        browser.text("#inference", "out must be a directory under");
        assertFalse(Files.exists(dir.resolveSibling("elsewhere")));
    }

    private int send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                .header("Authorization", "Bearer " + SECRET).timeout(Duration.ofSeconds(10));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
