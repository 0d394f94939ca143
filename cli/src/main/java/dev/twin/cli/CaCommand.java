package dev.twin.cli;

import dev.twin.proxy.ca.CertificateAuthority;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "twin's own certificate authority, which signs the certificates `twin record --proxy` presents.",
        subcommands = {CaCommand.Export.class, CaCommand.Info.class})
final class CaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CertificateAuthority load(PrintWriter err) {
        try {
            return CertificateAuthority.atTwinHome();
        } catch (IOException e) {
            err.println("twin ca: cannot create or read twin's CA: " + e.getMessage());
            return null;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the CA certificate for a trust store (created on first use).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--pem", description = "PEM text (the default)")
        boolean pem;

        @Option(names = "--der", description = "binary DER")
        boolean der;

        @Option(names = "--out", paramLabel = "FILE", description = "write to this file instead of standard output")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (pem && der) {
                err.println("twin ca export: choose --pem or --der, not both");
                return 2;
            }
            CertificateAuthority ca = load(err);
            if (ca == null) {
                return 2;
            }
            byte[] bytes = der ? ca.der() : ca.pem().getBytes(StandardCharsets.US_ASCII);
            if (out != null) {
                Files.write(out, bytes);
            } else if (der) {
                System.out.write(bytes);
                System.out.flush();
            } else {
                spec.commandLine().getOut().print(ca.pem());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show the CA's fingerprint and expiry.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CertificateAuthority ca = load(spec.commandLine().getErr());
            if (ca == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("certificate: " + ca.certificateFile());
            out.println("subject:     " + ca.subject());
            out.println("sha256:      " + ca.sha256Fingerprint());
            out.println("expires:     " + ca.notAfter());
            out.flush();
            return 0;
        }
    }

}
