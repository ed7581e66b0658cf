package com.example.jtelegraf.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.testkit.InMemoryAccumulator;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HelloInputTest {

    @Test
    void greetsTheConfiguredNameWithEveryFieldType() throws Exception {
        PluginConfig config = TestPluginConfigs.fromToml("inputs.hello", "name = \"lb1\"\ntimestamp = 1700000000");
        Input input = new HelloInputFactory().create(config, new TestPluginContext("inputs.hello"));
        InMemoryAccumulator accumulator = new InMemoryAccumulator();

        input.gather(accumulator);
        input.gather(accumulator);

        Metric second = accumulator.metrics("hello").get(1);
        assertEquals("lb1", second.tag("name"));
        assertEquals("hello, lb1", second.fields().get("greeting"));
        assertEquals(2L, second.fields().get("count"));
        assertEquals(0.5, second.fields().get("ratio"));
        assertEquals(true, second.fields().get("up"));
        assertEquals(new BigInteger("18446744073709551615"), second.fields().get("big"));
        assertEquals(1_700_000_000_000_000_000L, second.timestamp());
        assertTrue(TestPluginConfigs.unusedKeys(config).isEmpty());
    }

    @Test
    void rejectsAnEmptyNameNamingTheKey() {
        PluginConfig config = TestPluginConfigs.fromToml("inputs.hello", "name = \" \"");
        ConfigException error = assertThrows(ConfigException.class,
                () -> new HelloInputFactory().create(config, new TestPluginContext("inputs.hello")));
        assertTrue(error.getMessage().contains("name"), error.getMessage());
    }
}
