package dev.twin.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.twin.replayer.internal.verify.Divergence;
import dev.twin.replayer.internal.verify.ExchangeResult;
import dev.twin.replayer.internal.verify.ReportJson;
import dev.twin.replayer.internal.verify.SessionResult;
import dev.twin.replayer.internal.verify.VerifyReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspector page of {@code twin serve}, in a real headless Chromium. */
class InspectorPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    @TempDir
    Path dir;
    private HttpServer webhookReceiver;
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private ShopTwin shop;

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
    void startTwin() throws Exception {
        // a receiver that fails the first delivery of each event and takes the retry, so attempts show
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(webhookCalls.incrementAndGet() % 2 == 1 ? 500 : 200, -1);
            exchange.close();
        });
        webhookReceiver.start();
        Path report = dir.resolve("report.json");
        ReportJson.write(report(), report);
        shop = ShopTwin.start(dir, "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hook", report);
    }

    @AfterEach
    void stopTwin() {
        if (shop != null) {
            shop.close();
        }
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    @Test
    void everyViewLoadsWithNoConsoleErrors() {
        browser.forgetEarlierPages();
        for (String view : List.of("traffic", "state", "sandbox", "fidelity")) {
            browser.open(shop.page() + "#" + view);
            browser.find("main[data-view='" + view + "'] table, main[data-view='" + view + "'] .toolbar");
        }
        browser.text("#report-score", "%");

        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aRequestSentWithHttpClientAppearsLiveWithItsSource() throws Exception {
        browser.open(shop.page() + "#traffic");
        browser.text("#status", "live");

        assertEquals(201, shop.postJson("/v1/customers", "sk_test_live", "{\"name\":\"Jenny\"}").statusCode());
        assertEquals(200, shop.postJson("/v1/customers", "sk_test_live", "{\"name\":\"vip\"}").statusCode());
        assertEquals(400, shop.postJson("/v1/customers", "sk_test_live", "{\"email\":\"no-name\"}").statusCode());

        WebElement created = browser.text("#traffic-rows tr", "table customers (create");
        assertTrue(created.getText().contains("/v1/customers"), created.getText());
        browser.text("#traffic-rows tr", "scenario vip");
        browser.text("#traffic-rows tr", "twin's own error");
        created.click();
        browser.text("#detail-answered-by", "table customers (create, binding shop.createCustomer)");
        browser.text("#detail-changes", "created customers");
        browser.text("#traffic-detail", "customer.created");
        browser.text("#traffic-detail", "Bearer redacted:");
        assertFalse(browser.driver().getPageSource().contains("sk_test_live"), "the API key is shown redacted");
        browser.screenshot("traffic");

        browser.find("#traffic-rows tr:nth-child(1)").click(); // the newest: the refused one
        browser.text("#traffic-detail .violations", "name");
    }

    @Test
    void aRowEditedInThePageIsWhatTheApiThenReturns() throws Exception {
        String id = JSON.readTree(shop.postJson("/v1/customers", "sk_test_edit", "{\"name\":\"Old name\"}").body())
                .get("id").asText();
        browser.open(shop.page() + "#state");
        chooseTenant("sk_test_edit");
        WebElement row = browser.text("#rows-table tr[data-id='" + id + "']", "Old name");
        row.findElement(By.cssSelector("button.edit")).click();
        WebElement editor = browser.find("textarea.row-editor");
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys("{\"id\": \"" + id + "\", \"name\": \"New name\", \"email\": \"new@example.com\"}");
        browser.find("form.editor button.save").click();
        browser.text("#state-notice", "Saved " + id);
        browser.text("#rows-table tr[data-id='" + id + "']", "New name");

        JsonNode fetched = JSON.readTree(shop.get("/v1/customers/" + id, "sk_test_edit").body());
        assertEquals("New name", fetched.get("name").asText());
        assertEquals("new@example.com", fetched.get("email").asText());
    }

    @Test
    void aSnapshotTakenInThePageBringsTheRowsBackWhenRestored() throws Exception {
        shop.postJson("/v1/customers", "sk_test_snap", "{\"name\":\"Kept\"}");
        browser.open(shop.page() + "#state");
        chooseTenant("sk_test_snap");
        browser.find("#snapshot-name").sendKeys("one-customer");
        browser.find("#take-snapshot").click();
        browser.text("#state-notice", "Snapshot one-customer taken");
        shop.postJson("/v1/customers", "sk_test_snap", "{\"name\":\"Added later\"}");

        WebElement restore = browser.text("#state-snapshots li", "one-customer").findElement(By.tagName("button"));
        restore.click();
        restore.click();
        browser.text("#state-notice", "Snapshot one-customer restored");
        browser.text("#rows-count", "1 of 1 rows");
        browser.screenshot("state");

        JsonNode list = JSON.readTree(shop.get("/v1/customers", "sk_test_snap").body());
        assertEquals(List.of("Kept"), list.path("data").findValuesAsText("name"));
    }

    @Test
    void aResetFromThePageEmptiesTheTable() throws Exception {
        shop.postJson("/v1/customers", "sk_test_reset", "{\"name\":\"One\"}");
        shop.postJson("/v1/customers", "sk_test_reset", "{\"name\":\"Two\"}");
        browser.open(shop.page() + "#state");
        chooseTenant("sk_test_reset");
        browser.text("#rows-count", "2 of 2 rows");

        WebElement reset = browser.find("#reset-table");
        reset.click();
        browser.text("#reset-table", "Really");
        reset.click();
        browser.text("#state-notice", "Table customers of");
        browser.text("#rows-count", "0 of 0 rows");

        JsonNode list = JSON.readTree(shop.get("/v1/customers", "sk_test_reset").body());
        assertEquals(0, list.path("data").size(), list.toString());
    }

    @Test
    void sandboxControlsSwitchAScenarioOffAndResendAWebhook() throws Exception {
        shop.postJson("/v1/customers", "sk_test_hooks", "{\"name\":\"Hooked\"}");
        for (int i = 0; i < 4; i++) {
            shop.get("/v1/ping", "sk_test_hooks"); // the fourth is over the limit
        }
        browser.open(shop.page() + "#sandbox");
        browser.text("#ratelimits", "0 left");
        WebElement scenario = browser.find("tr[data-scenario='vip'] button.toggle");
        assertEquals("on", scenario.getText());
        scenario.click();
        browser.text("tr[data-scenario='vip'] button.toggle", "off");
        assertEquals(201, shop.postJson("/v1/customers", "sk_test_hooks", "{\"name\":\"vip\"}").statusCode(),
                "a switched-off scenario no longer answers by its match");

        browser.find("#sandbox-refresh").click();
        browser.text("#webhooks tr[data-event]", "customer.created");
        browser.text("#webhooks tr[data-event] .attempts", "#2"); // the first attempt failed, the retry went through
        int before = webhookCalls.get();
        browser.screenshot("sandbox");
        browser.until(d -> { // the section may be redrawn meanwhile: click the button it shows now
            d.findElement(By.cssSelector("#webhooks tr[data-event] button.resend")).click();
            return true;
        });
        browser.text("#webhooks-notice", "sent again to 1 webhook");
        browser.until(d -> webhookCalls.get() > before);
    }

    @Test
    void aVerifyReportRendersItsDivergences() {
        browser.open(shop.page() + "#fidelity");
        browser.text("#report-score", "56.3%"); // (0.75 + 0.5 + 0 + 1) / 4
        browser.text("#report-operations", "shop.getCustomer");
        WebElement name = browser.find("details.divergence[data-where='$.name']");
        assertTrue(name.getText().contains("2 exchanges"), name.getText());
        browser.text("details.divergence[data-where='$.name'] td.recorded", "\"Jenny\"");
        browser.text("details.divergence[data-where='$.name'] td.twin", "\"Jen\"");
        browser.screenshot("fidelity");

        browser.find("#report-file").sendKeys(dir.resolve("report.json").toAbsolutePath().toString());
        browser.text("#report .score-head", "report.json");
    }

    @Test
    void withAnAdminTokenThePageAsksForItBeforeShowingAnything() throws Exception {
        try (ShopTwin guarded = ShopTwin.startWithToken(dir.resolve("guarded"), "s3cret-token")) {
            browser.open(guarded.page() + "#traffic");
            browser.find("#admin-token").sendKeys("wrong");
            browser.find("form.token button").click();
            browser.text("form.token", "refused");
            WebElement input = browser.find("#admin-token");
            input.clear();
            input.sendKeys("s3cret-token");
            browser.find("form.token button").click();
            browser.text("#status", "live");
            guarded.get("/v1/ping", null);
            browser.text("#traffic-rows tr", "/v1/ping");
        } finally {
            browser.script("sessionStorage.clear()");
        }
    }

    /** Types an API key as the tenant, as a user would; the page shows it as its tenant key. */
    private void chooseTenant(String apiKey) {
        browser.find("main[data-tenant]"); // the first tenant is shown whole
        WebElement tenant = browser.find("#state-tenant");
        tenant.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        tenant.sendKeys(apiKey, Keys.TAB);
        browser.find("main[data-tenant='" + shop.twin().tenantOf(apiKey) + "']"); // its tables, rows, snapshots
    }

    private static VerifyReport report() {
        Divergence name1 = new Divergence(Divergence.Kind.VALUE_CHANGED, "$.name", "\"Jenny\"", "\"Jen\"");
        Divergence name2 = new Divergence(Divergence.Kind.VALUE_CHANGED, "$.name", "\"Ada\"", "\"A\"");
        Divergence missing = new Divergence(Divergence.Kind.MISSING_FIELD, "$.balance", "0", null);
        List<ExchangeResult> compared = List.of(
                new ExchangeResult(1, "POST", "/v1/customers", "shop.createCustomer", 201, 201, 4, 3, List.of(name1)),
                new ExchangeResult(2, "GET", "/v1/customers/cus_1", "shop.getCustomer", 200, 200, 4, 2,
                        List.of(name2, missing)),
                new ExchangeResult(3, "GET", "/v1/ping", "shop.ping", 200, 500, 2, 1,
                        List.of(new Divergence(Divergence.Kind.STATUS_CHANGED, "status", "200", "500"))),
                new ExchangeResult(4, "GET", "/v1/customers", "shop.listCustomers", 200, 200, 3, 3, List.of()));
        return new VerifyReport(List.of(new SessionResult("default", compared, 0, Set.of("api.shop.test"))), 0.99);
    }
}
