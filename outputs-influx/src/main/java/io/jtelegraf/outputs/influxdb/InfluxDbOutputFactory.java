package io.jtelegraf.outputs.influxdb;

import io.jtelegraf.outputs.influxdb.common.LineProtocolEncoder;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Creates {@code [[outputs.influxdb]]} instances (InfluxDB 1.x over HTTP). Registered in
 * {@code META-INF/services/io.jtelegraf.spi.OutputFactory}; the sample configuration is the
 * {@code sample.conf} next to this class.
 */
public final class InfluxDbOutputFactory implements OutputFactory {

    @Override
    public String name() {
        return "influxdb";
    }

    @Override
    public Output create(PluginConfig config, PluginContext context) {
        InfluxDbConfig options = InfluxDbConfig.read(config, context);
        return new InfluxDbOutput(options, context, new LineProtocolEncoder(options.http(), context.logger()),
                new Random(new SecureRandom().nextLong()));
    }
}
