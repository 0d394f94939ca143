package dev.twin.cli;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.config.TwinConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which configuration {@code serve} and {@code routes} use: a twin.yaml (or its directory), or bare specs. */
final class ConfigArguments {
    private ConfigArguments() {
    }

    /**
     * @param configOrDir a twin.yaml or a directory holding one; null means the current directory
     * @param specs       specs given with {@code --spec}; when present they replace the config file
     * @return the config file to (re)load, or null when serving bare specs
     */
    static Path configFile(Path configOrDir, List<Path> specs) throws ConfigException {
        if (specs != null && !specs.isEmpty()) {
            if (configOrDir != null) {
                throw problem(configOrDir, "give either a twin.yaml (or its directory) or --spec files, not both");
            }
            return null;
        }
        Path target = configOrDir != null ? configOrDir : Path.of(".");
        Path file = Files.isDirectory(target) ? target.resolve(ConfigLoader.FILE_NAME) : target;
        if (!Files.isRegularFile(file)) {
            throw problem(file, configOrDir == null
                    ? "no twin.yaml here; give a twin.yaml, a directory holding one, or --spec FILE"
                    : "no such file");
        }
        return file;
    }

    static TwinConfig load(Path configFile, List<Path> specs) throws ConfigException {
        return configFile != null ? ConfigLoader.load(configFile) : ConfigLoader.forSpecs(specs);
    }

    /** A twin of this configuration: reloadable from the twin.yaml when there is one, else the loaded bare specs. */
    static Twin.Builder twin(Path configFile, TwinConfig config) {
        return configFile != null ? Twin.builder().config(configFile, config) : Twin.builder().config(config);
    }

    private static ConfigException problem(Path file, String message) {
        return new ConfigException(new ConfigProblem(SourceLocation.of(file), message));
    }
}
