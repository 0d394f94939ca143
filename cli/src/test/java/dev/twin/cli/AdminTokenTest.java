package dev.twin.cli;

import dev.twin.cli.CliRun.Result;
import dev.twin.replayer.internal.admin.AdminAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.twin.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin token from the command line: {@code twin serve} refuses a network bind without one, clients send it. */
class AdminTokenTest {
    private static final String TOKEN = "cli-admin-secret";
    private static final String PETSTORE = Path.of("..", "examples", "petstore", "petstore.yaml").toString();

    @TempDir
    static Path dir;
    private static SandboxedPetstore guarded;

    @BeforeAll
    static void startTwin() throws Exception {
        guarded = SandboxedPetstore.start(dir, AdminAccess.of(true, TOKEN, List.of()));
    }

    @AfterAll
    static void stopTwin() {
        guarded.close();
    }

    @Test
    void givenANetworkHostAndNoToken_whenServeStarts_thenItRefusesWithExit2NamingTheWayOut() {
        // a serve that did start would never return: the timeout turns that into a failure, not a hung build
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("serve", "--spec", PETSTORE, "--host", "0.0.0.0", "--port", "0"));

        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.err().contains("opens the admin API (/__twin/) to the network"), result.err());
        assertTrue(result.err().contains("--admin-token") && result.err().contains("--no-admin"), result.err());
    }

    @Test
    void givenAnOriginThatIsNotAnOrigin_whenServeStarts_thenItRefusesWithExit2() {
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("serve", "--spec", PETSTORE, "--port", "0", "--admin-origin", "evil.example/path"));

        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.err().contains("admin origin 'evil.example/path' is not an origin"), result.err());
    }

    @Test
    void givenATokenProtectedTwin_whenFaultListSendsTheToken_thenItIsAnswered() {
        Result listed = run("fault", "list", "--url", guarded.baseUrl(), "--admin-token", TOKEN);

        assertEquals(0, listed.exitCode(), listed.err());
    }

    @Test
    void givenATokenProtectedTwin_whenFaultListSendsNoToken_thenItFailsSayingHowToGiveOne() {
        Result listed = run("fault", "list", "--url", guarded.baseUrl());

        assertEquals(2, listed.exitCode(), listed.out());
        assertTrue(listed.err().contains("answered 401"), listed.err());
        assertTrue(listed.err().contains("--admin-token or TWIN_ADMIN_TOKEN"), listed.err());
    }

    @Test
    void givenATokenProtectedTwin_whenResetSendsAWrongToken_thenItFailsWith401() {
        Result reset = run("reset", "--url", guarded.baseUrl(), "--admin-token", "sk_test_not_the_token");

        assertEquals(2, reset.exitCode(), reset.out());
        assertTrue(reset.err().contains("answered 401: The bearer token is not the admin token"), reset.err());
    }
}
