package dev.twin.replayer.internal.sandbox;

import dev.twin.replayer.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events and webhook mistakes are config errors at their line; nothing is served. */
class WebhookConfigTest {
    @TempDir
    Path dir;

    @Test
    void aWebhookUrlThatDoesNotParseAndAMissingSecretAreReportedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                webhooks:
                  - {url: "localhost:9000"}
                  - {url: "http://127.0.0.1:9/hook", signature: stripe}
                  - {url: "http://exa mple.com/"}
                """));

        String all = e.getMessage();
        assertTrue(all.contains("twin.yaml:12:11: webhooks[0].url: expected an http:// or https:// URL with a host, "
                + "got 'localhost:9000'"), all);
        assertTrue(all.contains("webhooks[1].secret: required with signature: stripe"), all);
        assertTrue(all.contains("webhooks[2].url: not a URL: Illegal character in authority"), all);
    }

    @Test
    void eventsOfAnUnknownTableOrOperationAreErrors() {
        ConfigException unknownTable = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                events:
                  emit:
                    - {table: thngs, on: created, type: thing.created}
                """));
        ConfigException unknownOperation = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                events:
                  list: things.listThing
                """));

        assertTrue(unknownTable.getMessage()
                        .contains("events.emit[0].table: no table 'thngs' (did you mean 'things'?)"),
                unknownTable.getMessage());
        assertTrue(unknownOperation.getMessage().contains("events.list: no imported operation 'things.listThing' "
                + "(did you mean 'things.listThings'?)"), unknownOperation.getMessage());
    }
}
