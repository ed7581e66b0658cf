package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.internal.InternalInputFactory;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.PluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Realistic config files, damaged in random ways ({@link ConfigMutator}), always either load or
 * fail with a {@link ConfigException} whose message starts with the file and a line inside the
 * file, names the scope before any key, and is a sentence rather than a Java exception: never
 * another exception type, never a stack trace, never a class name.
 *
 * <p>Seeded, so every run tries the same files; a failure prints the seed, the mutation steps and
 * the damaged text. The counts and outcome classes are in RELIABILITY.md.
 */
class MutatedConfigProperties {
    static final int TRIES = 4000;

    private static Path dir;

    private static final Pattern LOCATED = Pattern.compile("^(.+?):(\\d+)(?::(\\d+))?: (.+)$", Pattern.DOTALL);

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("mutated-config");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = TRIES, seed = "20260821")
    void aDamagedConfigLoadsOrFailsWithFileLineAndScope(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int mutations) {
        Random random = new Random(seed);
        String original = RealisticConfigs.all().get(random.nextInt(RealisticConfigs.all().size()));
        ConfigMutator.Mutated mutated = ConfigMutator.mutate(original, random, mutations);
        boolean strict = random.nextInt(4) > 0;
        // Now and then a byte that is not UTF-8 at all, as a binary copied over a config would have.
        int invalidByteAt = random.nextInt(20) == 0 ? random.nextInt(mutated.text().length() + 1) : -1;
        Path file = write(mutated.text(), invalidByteAt);
        String context = "seed " + seed + ", " + (strict ? "strict" : "non-strict") + " env, steps "
                + mutated.steps() + (invalidByteAt >= 0 ? " and byte 0xC3 at " + invalidByteAt : "") + ", text:\n" + mutated.text();

        Optional<Throwable> failure = loadAndCreate(file, strict);

        Statistics.collect(failure.map(MutatedConfigProperties::outcomeClass).orElse("loaded"));
        failure.ifPresent(error -> assertReadable(error, file, mutated.text(), context));
    }

    @Property(tries = 200, seed = "1")
    void everyUndamagedSeedLoads(@ForAll @IntRange(min = 0, max = 2) int which) {
        assertThat(loadAndCreate(write(RealisticConfigs.all().get(which), -1), true)).isEmpty();
    }

    /** Loads and does what the wiring does with each table, short of the plugin factories it does not have. */
    private static Optional<Throwable> loadAndCreate(Path file, boolean strict) {
        try {
            LoadedConfig loaded = ConfigLoader.load(new ConfigFiles(dir).options()
                    .configs(List.of(file.toString())).strictEnvironment(strict).build());
            for (PluginTable input : loaded.inputs()) {
                input.inputSettings(loaded.agent());
                if (input.name().equals("internal")) {
                    new InternalInputFactory(new SelfStats()).create(input.config(), context(input));
                    input.requireAllKeysUsed();
                }
            }
            loaded.outputs().forEach(output -> output.outputSettings(loaded.agent()));
            return Optional.empty();
        } catch (Throwable e) {
            return Optional.of(e);
        }
    }

    static void assertReadable(Throwable error, Path file, String text, String context) {
        assertThat(error).as("only ConfigException may escape the loader; %s", context)
                .isExactlyInstanceOf(ConfigException.class);
        String message = error.getMessage();
        assertThat(message).as(context).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("java.").doesNotContain("org.tomlj");
        Matcher located = LOCATED.matcher(message);
        assertThat(located.matches()).as("message names file:line: %s; %s", message, context).isTrue();
        assertThat(located.group(1)).as(context).isEqualTo(file.toString());
        int line = Integer.parseInt(located.group(2));
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertThat(line).as("line of %s; %s", message, context).isBetween(1, (int) lines + 1);
        int keyAt = message.indexOf("key \"");
        if (keyAt >= 0) {
            String beforeKey = message.substring(0, keyAt);
            assertThat(beforeKey).as("scope before the key in %s; %s", message, context)
                    .containsAnyOf("plugin ", "[agent]", "[global_tags]", "[tags]", "top-level");
        }
    }

    /** A short class of the outcome for the statistics report. */
    private static String outcomeClass(Throwable error) {
        String message = String.valueOf(error.getMessage());
        if (!(error instanceof ConfigException)) {
            return "UNEXPECTED " + error.getClass().getSimpleName();
        } else if (message.contains("invalid TOML syntax")) {
            return "TOML syntax error";
        } else if (message.contains("not used")) {
            return "unknown key";
        } else if (message.contains("expected ")) {
            return "wrong type";
        } else if (message.contains("not a TOML file")) {
            return "not text";
        }
        return "invalid value or table";
    }

    /** Writes the text as UTF-8 (a lone surrogate becomes '?'), with a stray 0xC3 byte before {@code invalidByteAt} if not -1. */
    private static Path write(String text, int invalidByteAt) {
        Path file = dir.resolve("jtelegraf.conf");
        byte[] bytes = invalidByteAt < 0 ? text.getBytes(StandardCharsets.UTF_8)
                : (text.substring(0, invalidByteAt) + '\u0001' + text.substring(invalidByteAt))
                        .getBytes(StandardCharsets.UTF_8);
        if (invalidByteAt >= 0) {
            // 0xC3 followed by an ASCII byte is malformed UTF-8.
            int marker = indexOf(bytes, (byte) 1);
            bytes[marker] = (byte) 0xC3;
        }
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("marker not found");
    }

    private static PluginContext context(PluginTable table) {
        return new PluginContext() {
            @Override
            public Logger logger() {
                return SilentLogger.INSTANCE;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public String pluginId() {
                return table.pluginId();
            }

            @Override
            public Optional<String> alias() {
                return table.alias();
            }
        };
    }

    private enum SilentLogger implements Logger {
        INSTANCE;

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable cause) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public void trace(String message) {
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }
}
