/** The {@code twin recordings} subcommands: one class per subcommand, sharing the store option and error handling. */
package dev.twin.cli.recordings;
