package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.cli.fixture.CaptureOutputFactory;
import io.jtelegraf.agent.cli.fixture.MirrorOutputFactory;
import io.jtelegraf.agent.cli.fixture.StaticInputFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A plugins folder ({@code --plugin-directory}) holding one plugin folder with the test plugins
 * of {@code io.jtelegraf.agent.cli.fixture}: their compiled classes and META-INF/services files
 * packed into a jar, so the agent finds them exactly as it finds a third-party plugin.
 */
final class PluginFolderFixture {
    private PluginFolderFixture() {
    }

    /** Creates {@code <parent>/plugins/fixture/fixture.jar} and returns {@code <parent>/plugins}. */
    static Path create(Path parent) throws IOException {
        Path root = Files.createDirectories(parent.resolve("plugins"));
        Path folder = Files.createDirectories(root.resolve("fixture"));
        Path classes = compiledPackage();
        try (OutputStream file = Files.newOutputStream(folder.resolve("fixture.jar"));
             JarOutputStream jar = new JarOutputStream(file);
             Stream<Path> classFiles = Files.list(classes)) {
            String packagePath = StaticInputFactory.class.getPackageName().replace('.', '/') + "/";
            for (Path classFile : classFiles.filter(path -> path.toString().endsWith(".class")).toList()) {
                add(jar, packagePath + classFile.getFileName(), Files.readAllBytes(classFile));
            }
            add(jar, "META-INF/services/io.jtelegraf.spi.InputFactory", StaticInputFactory.class.getName() + "\n");
            add(jar, "META-INF/services/io.jtelegraf.spi.OutputFactory",
                    CaptureOutputFactory.class.getName() + "\n" + MirrorOutputFactory.class.getName() + "\n");
        }
        return root;
    }

    /** The test-classes folder of the fixture package. */
    private static Path compiledPackage() {
        try {
            return Path.of(StaticInputFactory.class.getResource("StaticInputFactory.class").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(JarOutputStream jar, String name, String text) throws IOException {
        add(jar, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }
}
