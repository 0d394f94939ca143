package dev.twin.cli;

import dev.twin.cli.recordings.ClearRecordingsCommand;
import dev.twin.cli.recordings.ExportRecordingsCommand;
import dev.twin.cli.recordings.ImportRecordingsCommand;
import dev.twin.cli.recordings.ListRecordingsCommand;
import dev.twin.cli.recordings.ListSessionsCommand;
import dev.twin.cli.recordings.ShowRecordingCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code twin recordings ...}: look at, clear, export and import what {@code twin record} stored. */
@Command(name = "recordings", mixinStandardHelpOptions = true,
        description = "List, show, clear, export (HAR) and import (HAR) recorded exchanges.",
        subcommands = {ListRecordingsCommand.class, ListSessionsCommand.class, ShowRecordingCommand.class,
                ClearRecordingsCommand.class, ExportRecordingsCommand.class, ImportRecordingsCommand.class})
public final class RecordingsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
