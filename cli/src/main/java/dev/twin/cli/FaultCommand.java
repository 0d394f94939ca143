package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Inject faults and latency into a running twin (/__twin/faults).",
        subcommands = {FaultCommand.Set.class, FaultCommand.Clear.class, FaultCommand.ListRules.class})
final class FaultCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand shares. */
    static class Target {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:4280",
                description = "the running twin (default: ${DEFAULT-VALUE})")
        String url;

        @Mixin
        AdminTokenOption admin;

        AdminClient client() {
            return new AdminClient("twin fault", url, admin.token);
        }

        int fail(AdminClient.Failure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }

        void print(String line) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Add a fault rule (a fault, a latency, or both).")
    static final class Set extends Target implements Callable<Integer> {
        @Option(names = "--name", description = "rule name (replaces a runtime rule of that name)")
        String name;

        @Option(names = "--operation", paramLabel = "GLOB",
                description = "operation id glob (default: every operation)")
        String operation;

        @Option(names = "--tenant", paramLabel = "KEY", description = "only this tenant: its API key or t_... key")
        String tenant;

        @Option(names = "--fault", paramLabel = "FAULT",
                description = "no-response | reset | empty-response | malformed-chunk | status-500 | status-502 "
                        + "| status-503")
        String fault;

        @Option(names = "--latency", paramLabel = "DURATION", description = "fixed delay, e.g. 250ms or 2s")
        String latency;

        @Option(names = "--latency-max", paramLabel = "DURATION",
                description = "with --latency: a uniform delay between --latency and this")
        String latencyMax;

        @Option(names = "--probability", paramLabel = "P", description = "0 to 1 (default: 1, every request)")
        Double probability;

        @Option(names = "--seed", description = "this rule's own seed (default: split from faults.seed)")
        Long seed;

        @Override
        public Integer call() {
            ObjectNode body = AdminClient.JSON.createObjectNode();
            putIfSet(body, "name", name);
            putIfSet(body, "operation", operation);
            putIfSet(body, "tenant", tenant);
            putIfSet(body, "fault", fault);
            if (latency != null && latencyMax != null) {
                body.putObject("latency").put("min", latency).put("max", latencyMax);
            } else {
                putIfSet(body, "latency", latency);
            }
            if (probability != null) {
                body.put("probability", probability);
            }
            if (seed != null) {
                body.put("seed", seed);
            }
            try {
                JsonNode rule = client().send("POST", "/__twin/faults", body);
                print("Fault rule " + rule.path("name").asText() + " set: " + describe(rule));
                return 0;
            } catch (AdminClient.Failure e) {
                return fail(e);
            }
        }

        private static void putIfSet(ObjectNode body, String field, String value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove one fault rule, or all.")
    static final class Clear extends Target implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "the rule to remove (default: every rule)")
        String name;

        @Override
        public Integer call() {
            String query = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            try {
                JsonNode answer = client().send("DELETE", "/__twin/faults" + query, null);
                print("Removed " + answer.path("removed").asInt() + " fault rule(s)");
                return 0;
            } catch (AdminClient.Failure e) {
                return fail(e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the fault rules in force.")
    static final class ListRules extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                JsonNode answer = client().send("GET", "/__twin/faults", null);
                if (answer.path("faults").isEmpty()) {
                    print("No fault rules");
                }
                answer.path("faults").forEach(rule -> print(rule.path("name").asText() + "  " + describe(rule)));
                return 0;
            } catch (AdminClient.Failure e) {
                return fail(e);
            }
        }
    }

    static String describe(JsonNode rule) {
        StringBuilder text = new StringBuilder();
        text.append(rule.path("fault").isNull() ? "latency only" : rule.path("fault").asText());
        if (!rule.path("latency").isNull() && !rule.path("latency").isMissingNode()) {
            text.append(", latency ").append(rule.get("latency"));
        }
        text.append(" on ").append(rule.path("operation"));
        if (!rule.path("tenant").isNull()) {
            text.append(" for tenant ").append(rule.path("tenant").asText());
        }
        text.append(", probability ").append(rule.path("probability").asDouble());
        text.append(" (").append(rule.path("origin").asText()).append(')');
        return text.toString();
    }
}
