package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "clock", mixinStandardHelpOptions = true,
        description = "Show a running twin's time, or move it ahead: every lifecycle transition due on the way is "
                + "applied, each at its own instant (GET and POST /__twin/clock).")
final class ClockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "advance", description = "advance (omit to show the time)")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DURATION", description = "how far: 500ms, 30s, 5m, 2h, 1d")
    String duration;

    @Option(names = "--to", paramLabel = "INSTANT", description = "advance to this instant (2024-05-01T12:00:30Z)")
    String to;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:4280",
            description = "the running twin (default: ${DEFAULT-VALUE})")
    String url;

    @Mixin
    AdminTokenOption admin;

    @Override
    public Integer call() {
        AdminClient client = new AdminClient("twin clock", url, admin.token);
        try {
            if (action == null && to == null) {
                print(client.send("GET", "/__twin/clock", null), false);
                return 0;
            }
            if (action != null && !action.equals("advance")) {
                return usage("unknown action '" + action + "': use `twin clock` or `twin clock advance 30s`");
            }
            if ((duration == null) == (to == null)) {
                return usage("give either a DURATION (twin clock advance 30s) or --to INSTANT");
            }
            ObjectNode body = AdminClient.JSON.createObjectNode();
            if (duration != null) {
                body.put("advance", duration);
            } else {
                body.put("to", to);
            }
            print(client.send("POST", "/__twin/clock", body), true);
            return 0;
        } catch (AdminClient.Failure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }

    private void print(JsonNode clock, boolean advanced) {
        String line = "now " + clock.path("now").asText() + " (" + clock.path("mode").asText() + " clock)";
        if (advanced) {
            line += ", " + clock.path("applied").asInt() + " transitions applied";
        }
        spec.commandLine().getOut().println(line + ", " + clock.path("pending").asInt() + " rows waiting");
        spec.commandLine().getOut().flush();
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("twin clock: " + message);
        return 2;
    }
}
