package dev.twin.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RabbitMQ management HTTP API (Debian's rabbitmq-server 3.10 with the {@code rabbitmq_management} plugin): a
 * private node with its own name, its Mnesia and logs under the work dir, and its own epmd on a free port (so the
 * machine's shared epmd, if any, is never touched). The flow does what provisioning tools (Terraform's rabbitmq
 * provider, Ansible's rabbitmq modules) and dashboards do: virtual hosts, queues declared with arguments, a paged,
 * sorted and filtered queue list, an exchange and bindings, users and their permissions, deletes and the errors
 * (inequivalent redeclare, bad argument, unknown exchange type, page out of range, missing vhost, wrong password,
 * malformed JSON). The default vhost {@code /} is {@code %2F} in paths.
 *
 * <p>Reads send {@code disable_stats=true}, as such tools do: the node's sampled statistics (memory, reductions,
 * message rates) refresh every 5 s on its own clock and would make two runs of the real API differ.
 */
final class RabbitMqApi implements CorpusApi {
    private static final String API = "/api";
    private static final String NO_STATS = "disable_stats=true";
    private static final String GUEST = "guest";

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public String unavailable() {
        if (serverScript().isEmpty()) {
            return "rabbitmq-server not found; install: apt-get install rabbitmq-server";
        }
        if (Executables.onPath("epmd").isEmpty()) {
            return "epmd not found (it comes with Erlang); install: apt-get install rabbitmq-server";
        }
        return null;
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        int epmdPort = FreePort.pick();
        int managementPort = FreePort.pick();
        int distributionPort = FreePort.pick();
        Path plugins = Files.writeString(workDir.resolve("enabled_plugins"), "[rabbitmq_management].\n");
        Path config = Files.writeString(workDir.resolve("rabbitmq.conf"), String.join("\n",
                "listeners.tcp = none",
                "management.tcp.ip = 127.0.0.1",
                "management.tcp.port = " + managementPort,
                ""));
        Path noEnvFile = Files.writeString(workDir.resolve("rabbitmq-env.conf"), "");
        URI base = URI.create("http://127.0.0.1:" + managementPort);

        ChildProcess epmd = ChildProcess.start(ProcessLaunch.of(List.of(Executables.onPath("epmd").orElseThrow()
                        .toString(), "-port", String.valueOf(epmdPort), "-address", "127.0.0.1"), workDir,
                workDir.resolve("epmd.log")), ReadyCheck.acceptsConnections(epmdPort));
        try {
            ProcessLaunch node = ProcessLaunch.of(List.of(serverScript().orElseThrow().toString()), workDir,
                            workDir.resolve("rabbitmq.log"))
                    // the Erlang cookie goes to $HOME: the work dir, not the machine's
                    .withEnvironment("HOME", workDir.toString())
                    .withEnvironment("ERL_EPMD_PORT", String.valueOf(epmdPort))
                    .withEnvironment("RABBITMQ_NODENAME", "corpus@localhost")
                    .withEnvironment("RABBITMQ_DIST_PORT", String.valueOf(distributionPort))
                    .withEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
                            "-kernel inet_dist_use_interface {127,0,0,1}")
                    .withEnvironment("RABBITMQ_CONF_ENV_FILE", noEnvFile.toString())
                    .withEnvironment("RABBITMQ_CONFIG_FILE", config.toString())
                    .withEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", workDir.resolve("advanced.config").toString())
                    .withEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString())
                    .withEnvironment("RABBITMQ_MNESIA_BASE", workDir.resolve("mnesia").toString())
                    .withEnvironment("RABBITMQ_LOG_BASE", workDir.resolve("log").toString())
                    .withEnvironment("RABBITMQ_PLUGINS_EXPAND_DIR", workDir.resolve("plugins").toString())
                    .withEnvironment("RABBITMQ_LOGS", "-");
            ChildProcess rabbit = ChildProcess.start(node, ReadyCheck.answers2xx(base.resolve(API + "/overview"),
                    Map.of("Authorization", basic(GUEST, GUEST))));
            return ProcessUpstream.of(base, epmd, rabbit);
        } catch (IOException | RuntimeException | InterruptedException e) {
            epmd.close();
            throw e;
        }
    }

    @Override
    public Map<String, String> unrevealable() {
        String salted = "RabbitMQ stores a SHA-256 of the password with a random salt drawn when the user is created "
                + "(guest's at the node's first boot): no recording reveals the next salt";
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("read-user-alice  $.password_hash", salted);
        steps.put("read-updated-user-alice  $.password_hash", salted);
        steps.put("list-users  $[0].password_hash", salted);
        steps.put("list-users  $[1].password_hash", salted);
        steps.put("list-users  $[2].password_hash", salted);
        return steps;
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.withBasicAuth(GUEST, GUEST);
        client.get("whoami", API + "/whoami");

        client.putJson("create-vhost-shop", API + "/vhosts/shop",
                Json.object("description", "the shop", "tags", "production"));
        client.putJson("create-vhost-staging", API + "/vhosts/staging", Json.object("description", "staging"));
        client.get("read-vhost-shop", API + "/vhosts/shop?" + NO_STATS);
        client.get("read-default-vhost", API + "/vhosts/%2F?" + NO_STATS);
        client.putJson("update-vhost-shop", API + "/vhosts/shop",
                Json.object("description", "the shop, live", "tags", "production,eu"));
        client.get("read-updated-vhost-shop", API + "/vhosts/shop?" + NO_STATS);
        client.get("list-vhosts", API + "/vhosts?" + NO_STATS);

        String queues = API + "/queues/shop";
        client.putJson("declare-queue-orders", queues + "/orders",
                Json.object("durable", true, "auto_delete", false, "arguments",
                        Map.of("x-max-length", 1000, "x-queue-type", "classic")));
        client.putJson("declare-queue-invoices", queues + "/invoices", Json.object("durable", true));
        client.putJson("declare-queue-emails", queues + "/emails", Json.object("durable", false, "auto_delete", true));
        client.putJson("redeclare-queue-orders-same", queues + "/orders",
                Json.object("durable", true, "auto_delete", false, "arguments",
                        Map.of("x-max-length", 1000, "x-queue-type", "classic")));
        client.putJson("redeclare-queue-orders-not-durable", queues + "/orders", Json.object("durable", false));
        client.putJson("declare-queue-bad-argument", queues + "/reports",
                Json.object("durable", true, "arguments", Map.of("x-max-length", "lots")));
        client.get("read-queue-orders", queues + "/orders?" + NO_STATS);
        client.get("list-queues-page-1", queues + "?page=1&page_size=2&" + NO_STATS);
        client.get("list-queues-page-2", queues + "?page=2&page_size=2&" + NO_STATS);
        client.get("list-queues-by-name-desc", queues + "?page=1&page_size=10&sort=name&sort_reverse=true&"
                + NO_STATS);
        client.get("list-queues-named-like-or", queues + "?page=1&page_size=10&name=or&" + NO_STATS);
        client.get("list-queues-page-out-of-range", queues + "?page=5&page_size=2&" + NO_STATS);

        client.putJson("declare-queue-in-default-vhost", API + "/queues/%2F/jobs", Json.object("durable", true));
        client.get("read-queue-in-default-vhost", API + "/queues/%2F/jobs?" + NO_STATS);
        client.get("list-queues-in-default-vhost", API + "/queues/%2F?" + NO_STATS);

        String exchange = API + "/exchanges/shop/orders.topic";
        client.putJson("declare-exchange", exchange, Json.object("type", "topic", "durable", true));
        client.putJson("declare-exchange-unknown-type", API + "/exchanges/shop/odd",
                Json.object("type", "nosuchtype"));
        client.get("read-exchange", exchange + "?" + NO_STATS);
        client.get("list-exchanges-page-1", API + "/exchanges/shop?page=1&page_size=3&" + NO_STATS);

        String toOrders = API + "/bindings/shop/e/orders.topic/q/orders";
        client.postJson("bind-orders-created", toOrders, Json.object("routing_key", "order.created"));
        client.postJson("bind-invoices-paid", API + "/bindings/shop/e/orders.topic/q/invoices",
                Json.object("routing_key", "order.paid"));
        client.get("list-bindings-to-orders", toOrders);
        client.get("read-binding", toOrders + "/order.created");
        client.get("list-exchange-bindings", exchange + "/bindings/source");
        client.delete("delete-binding", toOrders + "/order.created");
        client.get("read-deleted-binding", toOrders + "/order.created");

        client.putJson("create-user-alice", API + "/users/alice",
                Json.object("password", "s3cret", "tags", "monitoring"));
        client.putJson("create-user-bob", API + "/users/bob", Json.object("password", "hunter2", "tags", ""));
        client.get("read-user-alice", API + "/users/alice");
        client.putJson("update-user-alice", API + "/users/alice",
                Json.object("password", "s3cret", "tags", "monitoring,management"));
        client.get("read-updated-user-alice", API + "/users/alice");
        client.get("list-users", API + "/users");
        client.putJson("grant-alice-on-shop", API + "/permissions/shop/alice",
                Json.object("configure", "^$", "write", "orders.*", "read", ".*"));
        client.get("read-alice-permissions-on-shop", API + "/permissions/shop/alice");
        client.get("list-alice-permissions", API + "/users/alice/permissions");
        client.get("list-shop-permissions", API + "/vhosts/shop/permissions");

        client.delete("delete-queue-invoices", queues + "/invoices");
        client.get("read-deleted-queue", queues + "/invoices?" + NO_STATS);
        client.delete("delete-missing-queue", queues + "/nope");
        client.delete("delete-exchange", exchange);
        client.get("read-deleted-exchange", exchange + "?" + NO_STATS);
        client.delete("delete-user-bob", API + "/users/bob");
        client.get("read-deleted-user", API + "/users/bob");
        client.putJson("declare-queue-in-missing-vhost", API + "/queues/nowhere/q1", Json.object("durable", true));
        client.send("whoami-wrong-password", "GET", API + "/whoami", Map.of("Authorization", basic(GUEST, "wrong")),
                null);
        client.send("declare-queue-malformed-json", "PUT", queues + "/broken",
                Map.of("Content-Type", "application/json"), "{\"durable\": tru");
        client.delete("delete-vhost-staging", API + "/vhosts/staging");
        client.get("read-deleted-vhost", API + "/vhosts/staging?" + NO_STATS);
        client.get("list-queues-at-the-end", queues + "?" + NO_STATS);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The script that runs the node in the foreground. Debian's {@code /usr/sbin/rabbitmq-server} is a wrapper that
     * switches to the rabbitmq user and logs to /var/log: the corpus runs the script it wraps, next to it.
     */
    private static Optional<Path> serverScript() {
        Optional<Path> onPath = Executables.onPath("rabbitmq-server")
                .or(() -> Optional.of(Path.of("/usr/sbin/rabbitmq-server")).filter(Files::isExecutable));
        return onPath.map(script -> {
            try {
                Path real = script.toRealPath();
                Path wrapped = real.resolveSibling("rabbitmq-server");
                return real.getFileName().toString().equals("rabbitmq-script-wrapper") && Files.isExecutable(wrapped)
                        ? wrapped : real;
            } catch (IOException e) {
                return script;
            }
        });
    }
}
