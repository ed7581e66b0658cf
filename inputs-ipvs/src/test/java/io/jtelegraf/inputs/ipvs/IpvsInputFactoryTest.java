package io.jtelegraf.inputs.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.testkit.TestPluginContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Registration, sample configuration and option parsing. */
class IpvsInputFactoryTest {
    private static final Pattern OPTION_LINE = Pattern.compile("^  # (\\w+) = (.+)$");

    private final IpvsInputFactory factory = new IpvsInputFactory();
    private final TestPluginContext context = new TestPluginContext("inputs.ipvs");

    /** The commented-out options of sample.conf, with their values as TOML would read them. */
    private Map<String, Object> sampleOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String line : factory.sampleConfig().split("\n")) {
            Matcher matcher = OPTION_LINE.matcher(line);
            if (matcher.matches()) {
                String raw = matcher.group(2);
                Object value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1)
                        : raw.equals("true") || raw.equals("false") ? Boolean.valueOf(raw) : Long.valueOf(raw);
                options.put(matcher.group(1), value);
            }
        }
        return options;
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
        Map<String, Object> documented = sampleOptions();
        MapPluginConfig config = new MapPluginConfig(documented);

        IpvsOptions fromSample = IpvsOptions.read(config);
        Input input = factory.create(new MapPluginConfig(documented), context);

        assertThat(documented).containsOnlyKeys(IpvsOptions.NETMASK_TAG, IpvsOptions.EXTRA_FIELDS, IpvsOptions.NETNS, IpvsOptions.TIMEOUT);
        assertThat(config.unusedKeys()).isEmpty();
        assertThat(fromSample).isEqualTo(IpvsOptions.read(new MapPluginConfig(Map.of()))).isEqualTo(IpvsOptions.defaults());
        assertThat(input).isNotNull();
    }

    @Test
    void everyOptionIsReadWhenSetToANonDefaultValue() {
        MapPluginConfig config = new MapPluginConfig(Map.of("netmask_tag", "prefix_length", "extra_fields", true,
                "netns", "/proc/self/ns/net", "timeout", "500ms"));

        IpvsOptions options = IpvsOptions.read(config);

        assertThat(config.unusedKeys()).isEmpty();
        assertThat(options.netmaskTag()).isEqualTo(NetmaskTag.PREFIX_LENGTH);
        assertThat(options.extraFields()).isTrue();
        assertThat(options.netns()).hasToString("/proc/self/ns/net");
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aMissingNamespaceFileIsAConfigurationErrorNamingTheKey() {
        MapPluginConfig config = new MapPluginConfig(Map.of("netns", "/run/netns/no-such-namespace"));

        assertThatThrownBy(() -> factory.create(config, context)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"netns\"")
                .hasMessageContaining("/run/netns/no-such-namespace does not exist");
    }

    @Test
    void anUnknownNetmaskFormatIsAConfigurationError() {
        assertThatThrownBy(() -> factory.create(new MapPluginConfig(Map.of("netmask_tag", "cidr")), context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"netmask_tag\"")
                .hasMessageContaining("\"popcount\"").hasMessageContaining("\"prefix_length\"").hasMessageContaining("\"cidr\"");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> factory.create(new MapPluginConfig(Map.of("timeout", 0L)), context))
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
