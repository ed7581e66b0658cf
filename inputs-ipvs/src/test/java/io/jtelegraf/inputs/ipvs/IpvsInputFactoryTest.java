package io.jtelegraf.inputs.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.testkit.SampleConfigText;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

/** Registration, sample configuration and option parsing. */
class IpvsInputFactoryTest {
    private final IpvsInputFactory factory = new IpvsInputFactory();
    private final TestPluginContext context = new TestPluginContext("inputs.ipvs");

    private static PluginConfig toml(String body) {
        return TestPluginConfigs.fromToml("inputs.ipvs", body);
    }

    @Test
    void isRegisteredAsIpvs() {
        assertThat(ServiceLoader.load(InputFactory.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(found -> found instanceof IpvsInputFactory)
                .singleElement().extracting(InputFactory::name).isEqualTo("ipvs");
    }

    @Test
    void sampleConfigStartsLikeTelegrafs() {
        assertThat(factory.sampleConfig()).startsWith("""
                # Collect virtual and real server stats from Linux IPVS
                # This plugin ONLY supports Linux
                [[inputs.ipvs]]
                """);
    }

    @Test
    void everyDocumentedOptionIsReadAndItsDocumentedValueIsTheDefault() {
        String documented = SampleConfigText.uncommentedBody(factory.sampleConfig());
        PluginConfig config = toml(documented);

        IpvsOptions fromSample = IpvsOptions.read(config);
        Input input = factory.create(toml(documented), context);

        assertThat(config.keys()).containsExactlyInAnyOrder(IpvsOptions.NETMASK_TAG, IpvsOptions.EXTRA_FIELDS,
                IpvsOptions.NETNS, IpvsOptions.TIMEOUT);
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
        assertThat(fromSample).isEqualTo(IpvsOptions.read(toml(""))).isEqualTo(IpvsOptions.defaults());
        assertThat(input).isNotNull();
    }

    @Test
    void sampleConfWithItsOptionsUncommentedCreatesTheInputAndLeavesNoKeyUnread() {
        PluginConfig config = toml(SampleConfigText.uncommentedBody(factory.sampleConfig()));

        try (Input input = factory.create(config, context)) {
            assertThat(input).isInstanceOf(IpvsInput.class);
        }
        assertThat(TestPluginConfigs.unusedKeys(config)).isEmpty();
    }

    @Test
    void everyOptionIsReadWhenSetToANonDefaultValue() {
        PluginConfig config = toml("""
                netmask_tag = "prefix_length"
                extra_fields = true
                netns = "/proc/self/ns/net"
                timeout = "500ms"
                no_such_option = true
                """);

        IpvsOptions options = IpvsOptions.read(config);

        assertThat(config.keys()).as("every option of sample.conf, and a stray key")
                .containsExactlyInAnyOrderElementsOf(concat(SampleConfigText.optionNames(factory.sampleConfig()), "no_such_option"));
        assertThat(TestPluginConfigs.unusedKeys(config)).containsExactly("no_such_option");
        assertThat(options.netmaskTag()).isEqualTo(NetmaskTag.PREFIX_LENGTH);
        assertThat(options.extraFields()).isTrue();
        assertThat(options.netns()).hasToString("/proc/self/ns/net");
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(500));
    }

    private static List<String> concat(List<String> names, String extra) {
        List<String> all = new ArrayList<>(names);
        all.add(extra);
        return all;
    }

    @Test
    void aMissingNamespaceFileIsAConfigurationErrorNamingTheKey() {
        PluginConfig config = toml("netns = \"/run/netns/no-such-namespace\"");

        assertThatThrownBy(() -> factory.create(config, context)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"netns\"")
                .hasMessageContaining("/run/netns/no-such-namespace does not exist");
    }

    @Test
    void anUnknownNetmaskFormatIsAConfigurationError() {
        assertThatThrownBy(() -> factory.create(toml("netmask_tag = \"cidr\""), context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"netmask_tag\"")
                .hasMessageContaining("\"popcount\"").hasMessageContaining("\"prefix_length\"").hasMessageContaining("\"cidr\"");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> factory.create(toml("timeout = 0"), context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"timeout\"");
    }

    @Test
    void theSampleDocumentsTheCapabilitiesAndTheDifferencesFromTelegraf() {
        String sample = factory.sampleConfig();

        assertThat(sample).contains("CAP_NET_ADMIN", "AmbientCapabilities=CAP_NET_ADMIN", "CapabilityBoundingSet=CAP_NET_ADMIN",
                "CAP_SYS_ADMIN", "64-bit");
        assertThat(List.of(sample.split("\n"))).allSatisfy(line ->
                assertThat(line.isEmpty() || line.startsWith("#") || line.startsWith("[[") || line.startsWith("  #")).as(line).isTrue());
    }
}
