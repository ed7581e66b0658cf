package io.jtelegraf.outputs.influxdb.v2;

import io.jtelegraf.outputs.influxdb.common.LineProtocolEncoder;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Creates {@code [[outputs.influxdb_v2]]} instances (the InfluxDB v2 write API over HTTP).
 * Registered in {@code META-INF/services/io.jtelegraf.spi.OutputFactory}; the sample
 * configuration is the {@code sample.conf} next to this class.
 */
public final class InfluxDbV2OutputFactory implements OutputFactory {

    @Override
    public String name() {
        return "influxdb_v2";
    }

    @Override
    public Output create(PluginConfig config, PluginContext context) {
        InfluxDbV2Config options = InfluxDbV2Config.read(config, context);
        return new InfluxDbV2Output(options, context, new LineProtocolEncoder(options.http(), context.logger()),
                new Random(new SecureRandom().nextLong()));
    }
}
