package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rediss://}: replicas share a Redis that speaks TLS only, trusting the CA {@code ?cacert=} names; a server
 * certificate they cannot trust (another CA, the JVM's trust store, another host's name) stops the start with a
 * message naming the host.
 */
class RedisTlsTest {

    @Test
    void replicasShareARedisOverTlsTrustingTheCaTheUrlNames(@TempDir Path dir) throws Exception {
        ServerCertificate certificate = ServerCertificate.issue(dir.resolve("pki"), "127.0.0.1");
        try (RedisServer redis = RedisServer.startTls(dir.resolve("redis"), certificate);
             Replicas replicas = Replicas.start(dir.resolve("twin"), redis.url("?prefix=tls&cacert="
                     + certificate.authority()), 2, "")) {
            String key = "sk_test_tls";
            Customer created = replicas.stripe(0, key).customers().create(CustomerCreateParams.builder()
                    .setName("Over TLS").build());

            Customer read = replicas.stripe(1, key).customers().retrieve(created.getId());
            JsonNode health = Replicas.json(replicas.send(1, "GET", "/__twin/health", null, null));

            assertEquals("Over TLS", read.getName());
            assertTrue(health.get("state").get("connected").asBoolean(), health.toString());
            assertTrue(health.get("state").get("store").asText().startsWith("rediss://127.0.0.1:" + redis.port()),
                    health.toString());
        }
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedAtStartNamingTheHost(@TempDir Path dir) throws Exception {
        ServerCertificate certificate = ServerCertificate.issue(dir.resolve("pki"), "127.0.0.1");
        ServerCertificate other = ServerCertificate.issue(dir.resolve("other-pki"), "127.0.0.1");
        try (RedisServer redis = RedisServer.startTls(dir.resolve("redis"), certificate)) {

            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> start(dir, redis.url("?cacert=" + other.authority())));

            assertTrue(refused.getMessage().contains("rediss://127.0.0.1:" + redis.port() + "/0 presented a TLS"
                    + " certificate that is not trusted for host 127.0.0.1"), refused.getMessage());
            assertTrue(refused.getMessage().contains(other.authority().toString()), refused.getMessage());
        }
    }

    @Test
    void withoutCacertTheJvmTrustStoreDecidesAndSaysHowToNameTheCa(@TempDir Path dir) throws Exception {
        ServerCertificate certificate = ServerCertificate.issue(dir.resolve("pki"), "127.0.0.1");
        try (RedisServer redis = RedisServer.startTls(dir.resolve("redis"), certificate)) {

            UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> start(dir, redis.url("")));

            assertTrue(refused.getMessage().contains("not trusted for host 127.0.0.1"), refused.getMessage());
            assertTrue(refused.getMessage().contains("?cacert=PATH"), refused.getMessage());
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenFromTheNamedCaUnlessVerifyPeerIsCa(@TempDir Path dir)
            throws Exception {
        ServerCertificate elsewhere = ServerCertificate.issue(dir.resolve("pki"), "redis.example.org");
        try (RedisServer redis = RedisServer.startTls(dir.resolve("redis"), elsewhere)) {

            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> start(dir, redis.url("?cacert=" + elsewhere.authority())));
            boolean connectedCheckingTheChainOnly;
            try (Twin chainOnly = start(dir, redis.url("?cacert=" + elsewhere.authority() + "&verifyPeer=CA"))) {
                connectedCheckingTheChainOnly = chainOnly.internals().tables().store().sharedState().health().up();
            }

            assertTrue(refused.getMessage().contains("not trusted for host 127.0.0.1"), refused.getMessage());
            assertTrue(connectedCheckingTheChainOnly);
        }
    }

    @Test
    void cacertIsRefusedOnAPlainTextUrlAndWhenItHoldsNoCertificate(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");

        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> RedisLocation.of(URI.create("redis://127.0.0.1:6379?cacert=" + notPem)));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> RedisLocation.of(URI.create("rediss://127.0.0.1:6379?cacert=" + notPem)));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RedisLocation.of(URI.create("rediss://127.0.0.1:6379?cacert=" + dir.resolve("none.pem"))));

        assertTrue(plain.getMessage().contains("cacert is for TLS, a URL that starts rediss://"),
                plain.getMessage());
        assertTrue(empty.getMessage().contains("cacert " + notPem + " is not a PEM file of CA certificates"),
                empty.getMessage());
        assertTrue(missing.getMessage().contains("cacert " + dir.resolve("none.pem") + " is not a PEM file of CA"
                + " certificates (there is no such file)"), missing.getMessage());
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> RedisLocation.of(URI.create("rediss://127.0.0.1:6379?cacert=certs/none.pem")));
        assertTrue(relative.getMessage().contains("cacert " + Path.of("certs/none.pem").toAbsolutePath()
                + " is not a PEM file of CA certificates (there is no such file; a relative path is read from the"
                + " directory twin runs in, " + Path.of("").toAbsolutePath() + ", not from twin.yaml's)"),
                relative.getMessage());
        assertFalse(RedisLocation.of(URI.create("rediss://127.0.0.1:6379")).uri().getVerifyMode().name()
                .equals("NONE"), "peers are verified by default");
    }

    private static Twin start(Path dir, URI url) throws Exception {
        return Twin.builder().config(Replicas.stripeConfig(dir.resolve("twin"), ""))
                .state(StateSetting.parse(url.toString(), Path.of(""))).start();
    }
}
