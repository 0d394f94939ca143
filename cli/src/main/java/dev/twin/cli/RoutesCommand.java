package dev.twin.cli;

import dev.twin.replayer.internal.admin.RouteTable;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.internal.server.ResponderFactory;
import dev.twin.replayer.internal.server.ServedApi;
import dev.twin.replayer.internal.server.ServedApiLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "routes", mixinStandardHelpOptions = true,
        description = "List every operation a twin would serve: method, path template, namespaced id.")
final class RoutesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONFIG_OR_DIR",
            description = "twin.yaml, or a directory holding one (default: the current directory)")
    Path configOrDir;

    @Option(names = "--spec", paramLabel = "FILE", description = "list this spec's routes (repeatable)")
    List<Path> specs;

    @Override
    public Integer call() {
        try {
            Path configFile = ConfigArguments.configFile(configOrDir, specs);
            ServedApi api = ServedApiLoader.load(ConfigArguments.load(configFile, specs), ResponderFactory.NONE);
            spec.commandLine().getOut().print(RouteTable.format(api.operations()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }
}
