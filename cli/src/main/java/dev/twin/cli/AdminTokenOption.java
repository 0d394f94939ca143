package dev.twin.cli;

import picocli.CommandLine.Option;

/** {@code --admin-token}, for the commands that call a running twin's admin API. */
final class AdminTokenOption {
    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:TWIN_ADMIN_TOKEN}",
            description = "the token the twin was started with (default: the environment variable "
                    + "TWIN_ADMIN_TOKEN); sent as Authorization: Bearer")
    String token;
}
