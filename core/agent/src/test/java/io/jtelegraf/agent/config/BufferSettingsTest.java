package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.runtime.AgentSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** buffer_strategy, buffer_directory and buffer_disk_sync in [agent] (spec 1.7). */
class BufferSettingsTest {
    @TempDir
    Path dir;

    private AgentSettings agent(String toml) {
        return new ConfigFiles(dir).loadText(toml).agent();
    }

    @Test
    void memoryIsTheDefaultAndSyncIsOnByDefault() {
        AgentSettings agent = agent("[agent]\n");

        assertThat(agent.bufferStrategy()).isEqualTo("memory");
        assertThat(agent.diskBuffer()).isFalse();
        assertThat(agent.bufferDiskSync()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk", "disk_write_through"})
    void bothDiskSpellingsSelectTheDiskBuffer(String strategy) {
        AgentSettings agent = agent("[agent]\nbuffer_strategy = \"" + strategy + "\"\nbuffer_directory = \"/var/lib/jt\"\n"
                + "buffer_disk_sync = false\n");

        assertThat(agent.bufferStrategy()).isEqualTo(strategy);
        assertThat(agent.diskBuffer()).isTrue();
        assertThat(agent.bufferDirectory()).isEqualTo("/var/lib/jt");
        assertThat(agent.bufferDiskSync()).isFalse();
    }

    @Test
    void theDiskBufferNeedsAFolder() {
        ConfigFiles files = new ConfigFiles(dir);
        Path config = files.write("a.conf", "[agent]\n  interval = \"5s\"\n  buffer_strategy = \"disk\"\n");

        assertThatThrownBy(() -> files.load(config)).hasMessage(config + ":3: [agent]: key \"buffer_strategy\": \"disk\""
                + " needs buffer_directory, the folder that keeps the buffered metrics");
    }

    @Test
    void aFolderWithoutTheDiskStrategyIsAccepted() {
        assertThat(agent("[agent]\nbuffer_directory = \"/var/lib/jt\"\n").diskBuffer()).isFalse();
    }

    @Test
    void syncMustBeABoolean() {
        ConfigFiles files = new ConfigFiles(dir);
        Path config = files.write("b.conf", "[agent]\nbuffer_disk_sync = \"yes\"\n");

        assertThatThrownBy(() -> files.load(config)).hasMessageContaining(config + ":2: [agent]: key \"buffer_disk_sync\"")
                .hasMessageContaining("boolean");
    }
}
