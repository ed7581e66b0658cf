package io.jtelegraf.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code jtelegraf version}. */
@Command(name = "version", description = "Print the version and exit.")
final class VersionCommand implements Callable<Integer> {
    static String text() {
        return "jtelegraf " + Version.get() + " (java " + Runtime.version() + ")";
    }

    @Override
    public Integer call() {
        System.out.println(text());
        return 0;
    }
}
