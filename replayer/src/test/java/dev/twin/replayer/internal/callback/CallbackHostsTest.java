package dev.twin.replayer.internal.callback;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which URLs a callback may go to, decided from the URL alone (no name is looked up). */
class CallbackHostsTest {
    private final CallbackHosts hosts = new CallbackHosts(List.of("hooks.example.com", "*.ngrok.app"));

    @Test
    void loopbackHostsAreAlwaysAllowed() {
        for (String url : List.of("http://127.0.0.1:8080/cb", "http://127.1.2.3/cb", "http://localhost/cb",
                "https://app.localhost/cb", "http://[::1]:9000/cb")) {
            assertNull(hosts.refusal(URI.create(url)), url);
        }
    }

    @Test
    void otherHostsOnlyWhenAllowed() {
        assertNull(hosts.refusal(URI.create("https://hooks.example.com/twilio")));
        assertNull(hosts.refusal(URI.create("https://abc123.ngrok.app/twilio")));
        assertEquals("host example.com is not loopback and not in callbacks.allowHosts of twin.yaml",
                hosts.refusal(URI.create("https://example.com/twilio")));
        assertEquals("host evil-hooks.example.com is not loopback and not in callbacks.allowHosts of twin.yaml",
                hosts.refusal(URI.create("https://evil-hooks.example.com/twilio")));
        assertEquals("host 10.0.0.1 is not loopback and not in callbacks.allowHosts of twin.yaml",
                hosts.refusal(URI.create("http://10.0.0.1/cb")));
    }

    @Test
    void onlyHttpUrlsWithAHost() {
        assertEquals("not an http:// or https:// URL with a host", hosts.refusal(URI.create("ftp://localhost/x")));
        assertEquals("not an http:// or https:// URL with a host", hosts.refusal(URI.create("/relative/path")));
    }
}
