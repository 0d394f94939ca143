package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Put a running twin's tables back to their seed rows (POST /__twin/reset).")
final class ResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:4280",
            description = "the running twin (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--tenant", paramLabel = "KEY",
            description = "only this tenant: the API key it uses, or its tenant key (t_...)")
    String tenant;

    @Option(names = "--table", paramLabel = "NAME", description = "only this table")
    String table;

    @Mixin
    AdminTokenOption admin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode body;
        try {
            body = new AdminClient("twin reset", url, admin.token).send("POST", "/__twin/reset" + query(), null);
        } catch (AdminClient.Failure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        String whichTenant = body.path("tenant").asText("?");
        String whichTable = body.path("table").asText("?");
        out.println("Reset " + (whichTable.equals("all") ? "all tables" : "table " + whichTable)
                + (whichTenant.equals("all") ? " of every tenant" : " of tenant " + whichTenant) + " at " + url);
        out.flush();
        return 0;
    }

    private String query() {
        List<String> parameters = new ArrayList<>();
        if (tenant != null) {
            parameters.add("tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        }
        if (table != null) {
            parameters.add("table=" + URLEncoder.encode(table, StandardCharsets.UTF_8));
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }
}
