package dev.twin.cli;

import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded stream of hostile and careless requests against {@code examples/stripe} served as {@code twin serve}
 * serves it: every one is answered (no silent drop), none with a 5xx or a stack trace, and afterwards a normal
 * tenant's requests answer exactly as before. The count, not a clock, bounds the run; a socket read timeout is the
 * only guard against a hang, and reaching it fails the test.
 */
class HostileRequestsFuzzTest {
    private static final long SEED = 20261206L;
    private static final int REQUESTS = 3000;
    private static final int READ_TIMEOUT_MILLIS = 20_000;
    private static final String NORMAL_KEY = "sk_test_normal_tenant";

    private static Twin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = Twin.serve(Path.of("..", "examples", "stripe", "twin.yaml"));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void everyHostileRequestIsAnsweredWithoutA5xxAndANormalTenantIsUntouched() throws IOException {
        String customer = createNormalCustomer();
        List<String> before = normalAnswers(customer);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HostileRequest hostile = HostileRequest.KINDS.get(random.nextInt(HostileRequest.KINDS.size()));
            byte[] request = hostile.build(random, "sk_test_fuzz" + random.nextInt(8));
            RawHttp.Answer answer = RawHttp.exchange(port(), request, READ_TIMEOUT_MILLIS);
            if (answer.dropped() || answer.status() >= 500 || answer.body().contains("at dev.twin")
                    || answer.body().contains("Exception")) {
                failures.add("#" + i + " " + hostile.name() + " " + preview(request) + " -> "
                        + (answer.dropped() ? "no answer" : answer.status() + " " + preview(answer.body())));
            }
        }

        assertTrue(failures.isEmpty(), failures.size() + " hostile requests failed:\n" + String.join("\n", failures));
        assertEquals(before, normalAnswers(customer), "a normal tenant's answers changed");
    }

    private static String createNormalCustomer() throws IOException {
        RawHttp.Answer created = RawHttp.exchange(port(), post("/v1/customers", NORMAL_KEY,
                "application/x-www-form-urlencoded", "name=Normal&email=normal%40example.com", ""), READ_TIMEOUT_MILLIS);
        assertEquals(200, created.status(), created.body());
        int at = created.body().indexOf("\"id\"");
        int start = created.body().indexOf('"', created.body().indexOf(':', at)) + 1;
        return created.body().substring(start, created.body().indexOf('"', start));
    }

    private static List<String> normalAnswers(String customer) throws IOException {
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/v1/customers/" + customer, "/v1/customers?limit=3", "/v1/balance")) {
            RawHttp.Answer answer = RawHttp.exchange(port(), get(path, NORMAL_KEY, ""), READ_TIMEOUT_MILLIS);
            answers.add(answer.status() + " " + answer.body());
        }
        return answers;
    }

    private static int port() {
        return twin.port();
    }

    private static String preview(byte[] request) {
        return preview(new String(request, 0, Math.min(request.length, 400), StandardCharsets.ISO_8859_1));
    }

    private static String preview(String text) {
        String line = text.replace("\r\n", "\\r\\n");
        return line.length() > 160 ? line.substring(0, 160) + "…(" + text.length() + " chars)" : line;
    }

    static byte[] get(String target, String key, String extraHeaders) {
        return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + "\r\nConnection: close\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] post(String target, String key, String contentType, String body, String extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(bytes, 0, request, head.length, bytes.length);
        return request;
    }

    /** One family of hostile requests; {@link #build} makes one member of it from the random stream. */
    record HostileRequest(String name, Builder builder) {
        interface Builder {
            byte[] build(Random random, String key);
        }

        byte[] build(Random random, String key) {
            return builder.build(random, key);
        }

        private static final String FORM = "application/x-www-form-urlencoded";
        private static final List<String> PATHS = List.of("/v1/customers", "/v1/payment_intents", "/v1/products",
                "/v1/prices", "/v1/charges", "/v1/refunds", "/v1/events", "/v1/payment_methods");

        static final List<HostileRequest> KINDS = List.of(
                new HostileRequest("deep form brackets", (random, key) -> post(path(random), key, FORM,
                        "metadata" + "[a]".repeat(1 + random.nextInt(2000)) + "=v", "")),
                new HostileRequest("deep expand", (random, key) -> get(path(random) + "?expand[]="
                        + String.join(".", repeat("customer", 1 + random.nextInt(1500))), key, "")),
                new HostileRequest("many form parameters", (random, key) -> post("/v1/customers", key, FORM,
                        joined(1 + random.nextInt(20_000), n -> "metadata[k" + n + "]=v"), "")),
                new HostileRequest("long metadata values", (random, key) -> post("/v1/customers", key, FORM,
                        "metadata[" + "k".repeat(1 + random.nextInt(5000)) + "]=" + "v".repeat(random.nextInt(200_000)),
                        "")),
                new HostileRequest("deep JSON", (random, key) -> {
                    int depth = 1 + random.nextInt(5000);
                    return post(path(random), key, "application/json",
                            "{\"metadata\":" + "[".repeat(depth) + "]".repeat(depth) + "}", "");
                }),
                new HostileRequest("deep JSON objects", (random, key) -> {
                    int depth = 1 + random.nextInt(5000);
                    return post(path(random), key, "application/json",
                            "{\"metadata\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}", "");
                }),
                new HostileRequest("broken JSON", (random, key) -> post(path(random), key, "application/json",
                        randomText(random, 1 + random.nextInt(300), "{}[]\":,0123456789.eE+-truefalsnul \\"), "")),
                new HostileRequest("random bytes body", (random, key) -> {
                    byte[] noise = new byte[random.nextInt(4096)];
                    random.nextBytes(noise);
                    return post(path(random), key, pick(random, FORM, "application/json", "multipart/form-data",
                            "multipart/form-data; boundary=x", "text/plain", "application/octet-stream", ";;;", ""),
                            new String(noise, StandardCharsets.ISO_8859_1), "");
                }),
                new HostileRequest("malformed percent-encoding", (random, key) -> get(pick(random,
                        "/v1/customers?limit=%zz", "/v1/customers/%E0%A4%A", "/v1/customers/%", "/v1/%00/x",
                        "/v1/customers?expand[]=%", "/v1/customers/%2e%2e/%2e%2e/__twin/state",
                        "/v1/customers?limit=%C0%AE", "/v1/customers/cus_%FF%FE"), key, "")),
                new HostileRequest("absurd parameter values", (random, key) -> get("/v1/customers?limit=" + pick(random,
                        "-1", "0", "99999999999999999999", "1e308", "NaN", "[]", "{}", "%00", "1%0a2")
                        + "&starting_after=" + pick(random, "", "cus_", "cus_" + "x".repeat(5000), "%00", "..")
                        + "&created[gte]=" + pick(random, "-99999999999999", "x", "1.5", ""), key, "")),
                new HostileRequest("long URL", (random, key) -> get("/v1/customers/cus_"
                        + "a".repeat(1 + random.nextInt(200_000)), key, "")),
                new HostileRequest("huge header", (random, key) -> get("/v1/balance", key,
                        "X-Big: " + "h".repeat(1 + random.nextInt(100_000)) + "\r\n")),
                new HostileRequest("many headers", (random, key) -> get("/v1/balance", key,
                        joined(1 + random.nextInt(3000), n -> "X-H" + n + ": v").replace("&", "\r\n") + "\r\n")),
                new HostileRequest("broken request line", (random, key) -> (pick(random, "GET\r\n\r\n",
                        "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /v1/balance HTTP/1.1\r\nHost\r\n\r\n",
                        " / HTTP/1.1\r\n\r\n", "GET /v1/balance HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                        "POST /v1/customers HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
                        "GET /v1/balance HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                        + "").getBytes(StandardCharsets.ISO_8859_1)),
                new HostileRequest("odd methods", (random, key) -> (pick(random, "TRACE", "CONNECT", "PROPFIND", "PATCH",
                        "DELETE", "PUT", "OPTIONS", "HEAD", "FOO") + " " + path(random) + "/x HTTP/1.1\r\nHost: h\r\n"
                        + "Authorization: Bearer " + key + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1)),
                new HostileRequest("cross-origin admin", (random, key) -> {
                    String adminPath = pick(random, "/__twin/reset", "/%5f%5ftwin/reset", "/__twin%2freset",
                            "/__twin/snapshots/x/restore", "/__twin/faults", "//__twin/reset", "/./__twin/reset");
                    return post(adminPath, key, pick(random, "text/plain", FORM, "application/json"),
                            pick(random, "{}", "x", "{\"operation\":\"*\",\"status\":500}"),
                            "Origin: https://evil.example\r\n");
                }),
                new HostileRequest("bad credentials", (random, key) -> get("/v1/customers", pick(random, "",
                        "x", "sk_live_" + "x".repeat(random.nextInt(10_000)), "%00", "sk_test_\u00ff"), "")),
                new HostileRequest("unicode and control characters", (random, key) -> post("/v1/customers", key, FORM,
                        "name=" + randomText(random, 1 + random.nextInt(200), "%00%01%7F%C3%A9%F0%9F%98%80%ED%A0%80ab=&[]")
                                + "&description=" + randomText(random, random.nextInt(50), "%0A%0D\\\"'<>"), "")));

        private static String path(Random random) {
            return PATHS.get(random.nextInt(PATHS.size()));
        }

        @SafeVarargs
        private static <T> T pick(Random random, T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static List<String> repeat(String part, int times) {
            List<String> parts = new ArrayList<>(times);
            for (int i = 0; i < times; i++) {
                parts.add(part);
            }
            return parts;
        }

        private static String joined(int count, Function<Integer, String> part) {
            StringBuilder text = new StringBuilder();
            for (int n = 0; n < count; n++) {
                text.append(n == 0 ? "" : "&").append(part.apply(n));
            }
            return text.toString();
        }

        /** Random text of {@code tokens} picked from {@code alphabet}, where a {@code %XX} run counts as one token. */
        private static String randomText(Random random, int tokens, String alphabet) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < alphabet.length(); i++) {
                if (alphabet.charAt(i) == '%' && i + 2 < alphabet.length()) {
                    pieces.add(alphabet.substring(i, i + 3));
                    i += 2;
                } else {
                    pieces.add(String.valueOf(alphabet.charAt(i)));
                }
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tokens; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            return text.toString();
        }
    }
}
