package dev.twin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "twin", mixinStandardHelpOptions = true, version = "twin 0.1.0",
        description = "Turns a real HTTP API into a local, stateful digital twin.",
        subcommands = {ServeCommand.class, RoutesCommand.class, RecordCommand.class, CaCommand.class, RecordingsCommand.class,
                ResetCommand.class, InferCommand.class, DiffCommand.class, FaultCommand.class,
                TriggerCommand.class, VerifyCommand.class})
public final class TwinCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new TwinCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
