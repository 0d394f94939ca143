package dev.twin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "twin", mixinStandardHelpOptions = true, version = "twin 0.1.0",
        description = "Turns a real HTTP API into a local, stateful digital twin.",
        subcommands = {ServeCommand.class, RoutesCommand.class, RecordCommand.class, CaCommand.class, RecordingsCommand.class,
                ResetCommand.class, InferCommand.class, DiffCommand.class, FaultCommand.class,
                TriggerCommand.class, ClockCommand.class, VerifyCommand.class})
public final class TwinCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line. {@code twin serve ...} gets a command line of its own (building picocli's model of
     * every subcommand is a noticeable part of a twin's launch), with the {@link ServePreload} beside it.
     */
    static int execute(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            ServePreload.startInBackground();
            return new CommandLine(new ServeCommand()).setCommandName("twin serve")
                    .execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        return new CommandLine(new TwinCommand()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
