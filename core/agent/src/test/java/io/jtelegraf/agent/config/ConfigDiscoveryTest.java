package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are loaded and in which order (spec 1.1). */
class ConfigDiscoveryTest {
    private static final String MINIMAL = "[[outputs.file]]\n";

    @TempDir
    Path dir;

    private ConfigFiles files() {
        return new ConfigFiles(dir);
    }

    private DefaultConfigLocations defaults() {
        return DefaultConfigLocations.under(dir.resolve("home"), dir.resolve("etc"));
    }

    private List<Path> locate(List<String> configs, List<String> directories, Map<String, String> env) {
        return ConfigFileLocator.locate(configs, directories, env, defaults()).files();
    }

    @Test
    void configValuesInOrderSplitOnCommasThenDirectories() {
        Path a = files().write("a.conf", MINIMAL);
        Path b = files().write("b.conf", MINIMAL);
        Path c = files().write("c.conf", MINIMAL);
        Path d = files().write("d/x.conf", MINIMAL);

        assertThat(locate(List.of(c.toString(), b + "," + a), List.of(dir.resolve("d").toString()), Map.of()))
                .containsExactly(c, b, a, d);
    }

    @Test
    void directoriesAreWalkedRecursivelyInLexicalOrder() {
        files().write("conf.d/b.conf", MINIMAL);
        files().write("conf.d/a/z.conf", MINIMAL);
        files().write("conf.d/a.conf", MINIMAL);
        files().write("conf.d/c/a.conf", MINIMAL);
        Path root = dir.resolve("conf.d");

        assertThat(locate(List.of(), List.of(root.toString()), Map.of())).containsExactly(
                root.resolve("a/z.conf"), root.resolve("a.conf"), root.resolve("b.conf"), root.resolve("c/a.conf"));
    }

    @Test
    void onlyNamesEndingInConfWithAtLeastSixCharactersAreTaken() {
        files().write("conf.d/.conf", MINIMAL);
        files().write("conf.d/x.conf", MINIMAL);
        files().write("conf.d/x.conf.bak", MINIMAL);
        files().write("conf.d/x.toml", MINIMAL);
        Path root = dir.resolve("conf.d");

        assertThat(locate(List.of(), List.of(root.toString()), Map.of())).containsExactly(root.resolve("x.conf"));
    }

    @Test
    void subdirectoriesStartingWithTwoDotsAreSkipped() throws IOException {
        files().write("conf.d/..2024_01_01/a.conf", MINIMAL);
        files().write("conf.d/.hidden/b.conf", MINIMAL);
        Path root = dir.resolve("conf.d");
        Files.createSymbolicLink(root.resolve("..data"), root.resolve("..2024_01_01"));

        assertThat(locate(List.of(), List.of(root.toString()), Map.of())).containsExactly(root.resolve(".hidden/b.conf"));
    }

    @Test
    void anUnreadableSubdirectoryIsOnlyAWarning() throws IOException {
        files().write("conf.d/a.conf", MINIMAL);
        Path locked = Files.createDirectories(dir.resolve("conf.d/locked"));
        files().write("conf.d/locked/x.conf", MINIMAL);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked),
                    "skipped: this user (root?) can read a directory with mode 000, so an unreadable entry cannot be made");
            ConfigFileLocator.Located located = ConfigFileLocator.locate(List.of(),
                    List.of(dir.resolve("conf.d").toString()), Map.of(), defaults());
            assertThat(located.files()).containsExactly(dir.resolve("conf.d/a.conf"));
            assertThat(located.warnings()).singleElement().asString().startsWith(locked + ": skipped");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aMissingConfigDirectoryIsAnError() {
        assertThatThrownBy(() -> locate(List.of(), List.of(dir.resolve("nope").toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--config-directory " + dir.resolve("nope") + ": not a readable directory");
    }

    @Test
    void remoteConfigsAreRejected() {
        assertThatThrownBy(() -> locate(List.of("https://example.com/jtelegraf.conf"), List.of(), Map.of()))
                .hasMessage("--config https://example.com/jtelegraf.conf: jtelegraf does not support remote configs;"
                        + " download the file and pass its path instead");
        assertThatThrownBy(() -> locate(List.of(), List.of(),
                Map.of("JTELEGRAF_CONFIG_PATH", "http://x/y.conf")))
                .hasMessage("$JTELEGRAF_CONFIG_PATH=http://x/y.conf: jtelegraf does not support remote configs;"
                        + " download the file and pass its path instead");
    }

    @Test
    void theEnvironmentVariableWinsFirst() {
        Path env = files().write("env.conf", MINIMAL);
        files().write("home/.jtelegraf/jtelegraf.conf", MINIMAL);
        files().write("etc/jtelegraf/jtelegraf.conf", MINIMAL);

        assertThat(locate(List.of(), List.of(), Map.of("JTELEGRAF_CONFIG_PATH", env.toString()))).containsExactly(env);
    }

    @Test
    void thenTheHomeFile() {
        Path home = files().write("home/.jtelegraf/jtelegraf.conf", MINIMAL);
        files().write("etc/jtelegraf/jtelegraf.conf", MINIMAL);

        assertThat(locate(List.of(), List.of(), Map.of("JTELEGRAF_CONFIG_PATH", dir.resolve("missing").toString())))
                .containsExactly(home);
    }

    @Test
    void thenTheEtcFileTogetherWithTheEtcDirectory() {
        Path main = files().write("etc/jtelegraf/jtelegraf.conf", MINIMAL);
        Path b = files().write("etc/jtelegraf/jtelegraf.d/b.conf", MINIMAL);
        Path a = files().write("etc/jtelegraf/jtelegraf.d/a.conf", MINIMAL);

        assertThat(locate(List.of(), List.of(), Map.of())).containsExactly(main, a, b);
    }

    @Test
    void theEtcDirectoryAloneIsEnough() {
        Path a = files().write("etc/jtelegraf/jtelegraf.d/a.conf", MINIMAL);
        assertThat(locate(List.of(), List.of(), Map.of())).containsExactly(a);
    }

    @Test
    void defaultsAreSearchedWhenTheDirectoryFlagYieldsNothing() throws IOException {
        Path main = files().write("etc/jtelegraf/jtelegraf.conf", MINIMAL);
        Files.createDirectories(dir.resolve("empty"));
        assertThat(locate(List.of(), List.of(dir.resolve("empty").toString()), Map.of())).containsExactly(main);
    }

    @Test
    void nothingFoundIsAnErrorNamingTheLocations() {
        assertThatThrownBy(() -> locate(List.of(), List.of(), Map.of()))
                .hasMessage("no config file specified, and could not find one in $JTELEGRAF_CONFIG_PATH,"
                        + " ~/.jtelegraf/jtelegraf.conf, or " + dir.resolve("etc/jtelegraf/jtelegraf.conf"));
    }

    @Test
    void theSystemLocationsAreJtelegrafsOwn() {
        DefaultConfigLocations system = DefaultConfigLocations.system(Map.of("HOME", "/home/op"));
        assertThat(system).isEqualTo(new DefaultConfigLocations(Path.of("/home/op/.jtelegraf/jtelegraf.conf"),
                Path.of("/etc/jtelegraf/jtelegraf.conf"), Path.of("/etc/jtelegraf/jtelegraf.d")));
    }

    @Test
    void aLeadingByteOrderMarkIsRemoved() {
        Path file = files().write("bom.conf", "\uFEFF[agent]\ninterval = \"3s\"\n");
        assertThat(files().load(file).agent().interval()).hasSeconds(3);
    }

    @Test
    void binaryFilesAreNotTomlFiles() throws IOException {
        Path file = dir.resolve("binary.conf");
        Files.write(file, new byte[] {0x00, 0x01, 0x02, 'a'});
        assertThatThrownBy(() -> files().load(file))
                .hasMessage(file + ":1: provided config is not a TOML file (control byte 0x00)");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Path file = dir.resolve("absent.conf");
        assertThatThrownBy(() -> files().load(file))
                .hasMessage(file + ": cannot read the config file: no such file or directory");
    }

    @Test
    void theLoadedConfigListsTheFilesRead() {
        Path a = files().write("a.conf", MINIMAL);
        Path b = files().write("b.conf", MINIMAL);
        LoadedConfig loaded = ConfigLoader.load(files().options().configs(List.of(a.toString(), b.toString())).build());
        assertThat(loaded.files()).containsExactly(a, b);
    }
}
