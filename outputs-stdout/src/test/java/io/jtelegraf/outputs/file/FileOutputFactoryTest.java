package io.jtelegraf.outputs.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.testkit.SampleConfigText;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FileOutputFactoryTest {
    private static final List<String> OPTIONS = List.of("files", "use_batch_format", "rotation_interval",
            "rotation_max_size", "rotation_max_archives", "data_format", "compression_algorithm",
            "compression_level", "influx_max_line_bytes", "influx_sort_fields", "influx_uint_support",
            "influx_omit_timestamp");

    @Test
    void isFoundByServiceLoaderAsFile() {
        assertThat(ServiceLoader.load(OutputFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(factory -> factory.name().equals("file")))
                .singleElement().isInstanceOf(FileOutputFactory.class);
    }

    @Test
    void sampleConfigShowsEveryOptionWithItsDefault() {
        String sample = new FileOutputFactory().sampleConfig();
        assertThat(sample).contains("[[outputs.file]]");
        for (String option : OPTIONS) {
            assertThat(sample).as(option).containsPattern("(?m)^  # " + option + " = ");
        }
        assertThat(sample).contains("# files = [\"stdout\"]", "# rotation_max_archives = 0",
                "# data_format = \"influx\"", "# compression_level = -1", "# influx_uint_support = false");
    }

    @Test
    void createsAnOutputFromConfig() {
        PluginConfig config = TestPluginConfigs.fromToml("outputs.file", "files = [\"stdout\"]");
        assertThat(new FileOutputFactory().create(config, new TestPluginContext("outputs.file")))
                .isInstanceOf(FileOutput.class);
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
    }

    @Test
    void sampleConfWithItsOptionsUncommentedCreatesTheOutputAndLeavesNoKeyUnread() {
        FileOutputFactory factory = new FileOutputFactory();
        PluginConfig config = TestPluginConfigs.fromToml("outputs.file",
                SampleConfigText.uncommentedBody(factory.sampleConfig()));
        assertThat(config.keys()).as("the options of sample.conf").containsExactlyInAnyOrderElementsOf(OPTIONS);

        assertThat(factory.create(config, new TestPluginContext("outputs.file"))).isInstanceOf(FileOutput.class);
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
    }
}
