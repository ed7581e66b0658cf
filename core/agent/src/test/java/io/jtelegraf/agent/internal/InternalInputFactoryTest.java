package io.jtelegraf.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalInputFactoryTest {

    @Test
    void sampleConfigDocumentsEveryOptionWithItsDefault() {
        String sample = new InternalInputFactory(new SelfStats()).sampleConfig();
        assertThat(sample).contains("[[inputs.internal]]", "# collect_memstats = true",
                "# collect_gostats = false", "# per_instance = false");
    }
}
