package io.jtelegraf.agent.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class PluginRegistryTest {
    private static final String FACTORY = """
            package com.example.hello;

            import io.jtelegraf.spi.*;

            public final class HelloFactory implements InputFactory {
                public String name() { return "hello"; }
                public Input create(PluginConfig config, PluginContext context) {
                    String greeting = config.getString("greeting", "hi");
                    return accumulator -> accumulator.addMetric(Metric.builder("hello")
                            .tag("greeting", greeting).field("value", 42L).time(1_700_000_000_000_000_000L).build());
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void discoversAndRunsAPluginJarCompiledAgainstTheSpiOnly() throws Exception {
        Path plugins = pluginRoot();
        buildHelloPlugin(plugins.resolve("hello"), "HelloFactory", "hello");

        PluginRegistry registry = PluginRegistry.discover(List.of(), getClass().getClassLoader(), plugins);

        PluginRegistry.Registered<InputFactory> hello = registry.input("hello").orElseThrow();
        assertThat(hello.origin()).isEqualTo(plugins.resolve("hello").toAbsolutePath().toString());
        assertThat(hello.factory().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        PluginConfig config = mock(PluginConfig.class);
        when(config.getString(eq("greeting"), anyString())).thenAnswer(call -> call.getArgument(1));
        Input input = hello.factory().create(config, mock(PluginContext.class));
        Accumulator accumulator = mock(Accumulator.class);
        input.gather(accumulator);
        ArgumentCaptor<Metric> added = ArgumentCaptor.forClass(Metric.class);
        verify(accumulator).addMetric(added.capture());
        Metric metric = added.getValue();
        assertThat(metric.name()).isEqualTo("hello");
        assertThat(metric.tag("greeting")).isEqualTo("hi");
        assertThat(metric.fields()).containsEntry("value", 42L);
    }

    @Test
    void pluginCannotSeeTheAgentsLibraries() throws Exception {
        Path plugins = pluginRoot();
        buildHelloPlugin(plugins.resolve("hello"), "HelloFactory", "hello");

        ClassLoader loader = PluginRegistry.discover(List.of(), getClass().getClassLoader(), plugins)
                .input("hello").orElseThrow().factory().getClass().getClassLoader();

        assertThat(loader.loadClass("io.jtelegraf.spi.Metric")).isSameAs(Metric.class);
        assertThatThrownBy(() -> loader.loadClass("org.tomlj.Toml")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass(PluginRegistry.class.getName())).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void twoFactoriesWithOneNameAreFatalAndNameBothFolders() throws Exception {
        Path plugins = pluginRoot();
        buildHelloPlugin(plugins.resolve("first"), "HelloFactory", "hello");
        buildHelloPlugin(plugins.resolve("second"), "OtherHelloFactory", "hello");

        assertThatThrownBy(() -> PluginRegistry.discover(List.of(), getClass().getClassLoader(), plugins))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("two input plugins are named \"hello\"")
                .hasMessageContaining(plugins.resolve("first").toString())
                .hasMessageContaining(plugins.resolve("second").toString());
    }

    @Test
    void aFolderWritableByOthersIsRefusedWithTheReason() throws Exception {
        Path plugins = pluginRoot();
        Path folder = plugins.resolve("hello");
        buildHelloPlugin(folder, "HelloFactory", "hello");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PluginRegistry.discover(List.of(), getClass().getClassLoader(), plugins))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("writable by users other than its owner");
    }

    @Test
    void aBrokenJarNamesItsFolder() throws Exception {
        Path plugins = pluginRoot();
        Path folder = Files.createDirectories(plugins.resolve("broken"));
        Files.write(folder.resolve("broken.jar"), new byte[] {1, 2, 3, 4});

        assertThatThrownBy(() -> PluginRegistry.discover(List.of(), getClass().getClassLoader(), plugins))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(folder.toString());
    }

    @Test
    void aServicesFileNamingAMissingClassNamesItsFolder() throws Exception {
        Path plugins = pluginRoot();
        Path folder = plugins.resolve("missing");
        ExternalPluginJar.build(temp.resolve("build-missing"), folder.resolve("missing.jar"), Map.of(),
                Map.of("META-INF/services/io.jtelegraf.spi.InputFactory", "com.example.DoesNotExist\n"));

        assertThatThrownBy(() -> PluginRegistry.discover(List.of(), getClass().getClassLoader(), plugins))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("com.example.DoesNotExist");
    }

    @Test
    void unknownPluginMessageListsTheKnownOnes() {
        assertThat(PluginRegistry.undefinedMessage("inputs", "ipv", List.of("internal", "ipvs")))
                .isEqualTo("undefined but requested input: ipv (known inputs: internal, ipvs)");
    }

    private Path pluginRoot() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        return plugins;
    }

    private void buildHelloPlugin(Path folder, String className, String name) throws IOException {
        String source = FACTORY.replace("HelloFactory", className).replace("\"hello\"; }", "\"" + name + "\"; }");
        ExternalPluginJar.build(temp.resolve("build-" + folder.getFileName()), folder.resolve(folder.getFileName() + ".jar"),
                Map.of("com.example.hello." + className, source),
                Map.of("META-INF/services/io.jtelegraf.spi.InputFactory", "com.example.hello." + className + "\n"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
