package io.jtelegraf.agent.startup;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Provider;
import com.google.inject.Scopes;
import io.jtelegraf.agent.logging.AgentLogging;
import java.util.List;

/**
 * Warms up, on the second core, the libraries a run of the agent needs last, while the main
 * thread discovers plugins and parses the configuration.
 *
 * <p>Why: a short run ({@code --test}, {@code --once}) spends most of its time initialising
 * libraries for their first use, one after another on the main thread. Of those, Guice (with
 * guava, and its reflection over annotations and generic types) is needed last and takes longest;
 * the log lines' time-stamp format (java.time) comes just before it. Here each is initialised the
 * way the main path would, with throwaway input and without output, so the main path finds the
 * classes loaded and initialised.
 * Guice goes first because it has the most time until the main path needs it; the TOML parser is
 * not warmed, since the main path needs it too soon for a second thread to get there first.
 * Measured on two shared cores: 10-20 ms less wall time for {@code --test}, for 5-20 ms more CPU
 * time (BENCHMARKS.md).
 *
 * <p>Use: {@link #start()} from the process's {@code main} only, once the command line asks for a
 * run of the agent (never from in-process callers, whose JVM may hold a logging set-up of its
 * own); {@link #beforeFirstUse} in the main path
 * before each library's first use (a no-op when nothing was started).
 */
public final class StartupWarmup {
    /** What is warmed, in the order the thread warms it. */
    public enum Library {
        /** Guice, with an injector built from a module with a provider method. */
        GUICE,
        /** The time-stamp format of log lines. */
        LOGGING
    }

    private static final WarmupTasks<Library> TASKS = new WarmupTasks<>(
            List.of(Library.GUICE, Library.LOGGING),
            List.of(StartupWarmup::guice, AgentLogging::warmUp));

    private StartupWarmup() {
    }

    /** Starts the warm-up thread (a daemon: it never delays the exit). Call once, from main. */
    public static void start() {
        TASKS.start("jtelegraf-warmup");
    }

    /**
     * Called by the main path before its first use of {@code library}: waits for a warm-up of it
     * that has begun, or stops it from beginning, so two threads never initialise one library at
     * once.
     */
    public static void beforeFirstUse(Library library) {
        TASKS.claim(library);
    }

    private static void guice() {
        Guice.createInjector(new ProbeModule()).getInstance(Probe.class);
    }

    /**
     * Exercises what the agent's module uses: a provider bound in {@code configure}, in a scope,
     * and a dependency on it.
     */
    static final class ProbeModule extends AbstractModule {
        @Override
        protected void configure() {
            Provider<String> text = () -> "";
            bind(String.class).toProvider(text).in(Scopes.SINGLETON);
            Provider<String> texts = getProvider(String.class);
            Provider<Probe> probe = () -> new Probe(texts.get());
            bind(Probe.class).toProvider(probe);
        }
    }

    /** A type for the probe injector to build. */
    static final class Probe {
        Probe(String text) {
        }
    }
}
