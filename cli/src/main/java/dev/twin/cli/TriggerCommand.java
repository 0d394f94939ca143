package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Emit an event by hand on a running twin: stored for the tenant and delivered to the "
                + "webhooks that want it (POST /__twin/webhooks/trigger).")
final class TriggerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EVENT", description = "the event type, e.g. payment_intent.succeeded")
    String type;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:4280",
            description = "the running twin (default: ${DEFAULT-VALUE})")
    String url;

    @Mixin
    AdminTokenOption admin;

    @Option(names = "--tenant", paramLabel = "KEY", description = "whose events: an API key or t_... key")
    String tenant;

    @Option(names = "--object", paramLabel = "JSON", description = "data.object of the event (a JSON object)")
    String object;

    @Override
    public Integer call() {
        ObjectNode body = AdminClient.JSON.createObjectNode().put("type", type);
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        if (object != null) {
            try {
                body.set("object", AdminClient.JSON.readTree(object));
            } catch (IOException e) {
                spec.commandLine().getErr().println("twin trigger: --object is not JSON: " + e.getMessage());
                return 2;
            }
        }
        try {
            JsonNode event = new AdminClient("twin trigger", url, admin.token).send("POST", "/__twin/webhooks/trigger", body);
            spec.commandLine().getOut().println("Emitted " + event.path("type").asText() + " as "
                    + event.path("id").asText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (AdminClient.Failure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }
}
