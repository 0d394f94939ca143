package dev.twin.proxy;

import static dev.twin.proxy.ProxyTestSupport.curl;
import static dev.twin.proxy.ProxyTestSupport.curlAllowingFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twin.proxy.ca.CertificateAuthority;
import dev.twin.proxy.ca.LeafCertificates;
import dev.twin.proxy.tls.HostPatterns;
import dev.twin.proxy.tls.TlsInterception;
import dev.twin.proxy.tls.UpstreamTrust;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardProxyTest {
    @TempDir
    Path temp;

    private final RecordedExchanges recorded = new RecordedExchanges();
    private CertificateAuthority twinCa;
    private Path upstreamCaFile;
    private TestUpstream httpsUpstream;
    private ForwardProxyServer proxy;

    @BeforeEach
    void startUpstream() throws IOException {
        twinCa = CertificateAuthority.loadOrCreate(temp.resolve("twin-ca"));
        httpsUpstream = TestUpstream.https(temp.resolve("upstream-ca")).text("/secure", "decrypted");
        upstreamCaFile = temp.resolve("upstream-ca").resolve("twin-ca.pem");
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        httpsUpstream.close();
    }

    private void startProxy(List<String> interceptedHosts) throws IOException {
        ProxyConfig config = ProxyConfig.defaults(0).withUpstreamTrust(UpstreamTrust.caFile(upstreamCaFile));
        proxy = ForwardProxyServer.start(config,
                new TlsInterception(HostPatterns.of(interceptedHosts), new LeafCertificates(twinCa)), recorded);
    }

    private HttpClient clientVia(Path trustedCaFile) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
                .sslContext(trusting(trustedCaFile))
                .build();
    }

    private String proxyUrl() {
        return "http://127.0.0.1:" + proxy.port();
    }

    @Test
    void relaysAndRecordsAbsoluteUriHttpRequests() throws Exception {
        try (TestUpstream plain = TestUpstream.http().text("/plain", "via proxy")) {
            startProxy(List.of("*"));

            HttpResponse<String> response = clientVia(twinCa.certificateFile()).send(
                    HttpRequest.newBuilder(URI.create(plain.httpUrl() + "/plain?x=1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals("via proxy", response.body());
            assertEquals("127.0.0.1:" + plain.port(), response.headers().firstValue("X-Seen-Host").orElseThrow());
            Exchange exchange = recorded.next();
            assertEquals("/plain", exchange.request().path());
            assertEquals("x=1", exchange.request().rawQuery());
            assertEquals(plain.port(), exchange.request().port());
        }
    }

    @Test
    void decryptsHttpsForAnInterceptedHostWhenTheClientTrustsTwinsCa() throws Exception {
        startProxy(List.of("localhost"));

        HttpResponse<String> response = clientVia(twinCa.certificateFile()).send(
                HttpRequest.newBuilder(URI.create(httpsUpstream.httpsUrl() + "/secure")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("decrypted", response.body());
        Exchange exchange = recorded.next();
        assertEquals("https", exchange.request().scheme());
        assertEquals("localhost", exchange.request().host());
        assertEquals(httpsUpstream.port(), exchange.request().port());
        assertEquals("decrypted", exchange.response().body().text());
        assertEquals(false, exchange.tunnelled());
    }

    @Test
    void decryptsHttpsForCurlTrustingTheExportedCa() throws Exception {
        startProxy(List.of("*"));

        String body = curl("-x", proxyUrl(), "--cacert", twinCa.certificateFile().toString(),
                httpsUpstream.httpsUrl() + "/secure");

        assertEquals("decrypted", body);
        assertEquals("decrypted", recorded.next().response().body().text());
    }

    @Test
    void recordsWhyAnInterceptedClientThatDoesNotTrustTwinsCaGotNoResponse() throws Exception {
        startProxy(List.of("*"));

        curlAllowingFailure("-x", proxyUrl(), httpsUpstream.httpsUrl() + "/secure");

        Exchange exchange = recorded.next();
        assertEquals(Failure.Kind.CLIENT_ABORT, exchange.failure().kind());
        assertTrue(exchange.failure().message().contains("twin's certificate for localhost"),
                exchange.failure().message());
        assertEquals("CONNECT", exchange.request().method());
    }

    @Test
    void tunnelsHostsThatAreNotInterceptedAndRecordsOnlyTheTunnel() throws Exception {
        startProxy(List.of("*.example.com"));

        String body = curl("-x", proxyUrl(), "--cacert", upstreamCaFile.toString(),
                httpsUpstream.httpsUrl() + "/secure");

        assertEquals("decrypted", body);
        Exchange exchange = recorded.next();
        assertTrue(exchange.tunnelled());
        assertEquals("CONNECT", exchange.request().method());
        assertEquals("localhost", exchange.request().host());
        assertEquals(httpsUpstream.port(), exchange.request().port());
        assertNull(exchange.response());
        assertNull(exchange.failure());
    }

    @Test
    void answers502NamingTheHostWhenATunnelCannotConnect() throws Exception {
        startProxy(List.of("*.example.com"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        String connectStatus = curlAllowingFailure("-x", proxyUrl(), "-w", "%{http_connect}", "-o", "/dev/null",
                "https://127.0.0.1:" + closedPort + "/");

        assertEquals("502", connectStatus);
        Exchange exchange = recorded.next();
        assertEquals(Failure.Kind.UPSTREAM_REFUSED, exchange.failure().kind());
        assertTrue(exchange.tunnelled());
    }

    @Test
    void answers400ToARequestWithoutAnAbsoluteUri() throws Exception {
        startProxy(List.of("*"));

        String status = curl("-o", "/dev/null", "-w", "%{http_code}", proxyUrl() + "/relative");

        assertEquals("400", status);
        assertEquals(Failure.Kind.BAD_REQUEST, recorded.next().failure().kind());
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
