package io.jtelegraf.agent.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.InputFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar the way a third party would: Java sources compiled against the SPI jar
 * alone, plus a META-INF/services file, packed into a jar. Nothing of it is on the test's class
 * path, so the only way to reach it is the agent's plugin discovery.
 */
final class ExternalPluginJar {
    private ExternalPluginJar() {
    }

    /**
     * Compiles {@code sources} (class name to source text) and writes {@code jar} holding the
     * classes, the given resources and the services files.
     */
    static void build(Path workDir, Path jar, Map<String, String> sources, Map<String, String> resources) throws IOException {
        Path src = Files.createDirectories(workDir.resolve("src"));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-classpath", spiJar().toString(), "-d", classes.toString(),
                "--release", "17"));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(path -> path.toString().endsWith(".java")).forEach(path -> arguments.add(path.toString()));
        }
        if (!sources.isEmpty()) {
            StringWriter errors = new StringWriter();
            int status = compiler.run(null, null, new PrintStream(new WriterStream(errors), true, StandardCharsets.UTF_8),
                    arguments.toArray(String[]::new));
            assertThat(status).as("compiling the plugin: %s", errors).isZero();
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    /** The SPI jar or classes folder the agent was built against. */
    static Path spiJar() {
        try {
            return Path.of(InputFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adapts a Writer for the compiler's diagnostics. */
    private static final class WriterStream extends OutputStream {
        private final StringWriter target;

        WriterStream(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }
    }
}
