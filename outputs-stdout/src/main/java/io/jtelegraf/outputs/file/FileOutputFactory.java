package io.jtelegraf.outputs.file;

import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;

/**
 * Creates {@code [[outputs.file]]} instances: line protocol to standard output and/or rotating
 * files. Standard output is {@link System#out} as it is when the output connects.
 */
public final class FileOutputFactory implements OutputFactory {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Output create(PluginConfig config, PluginContext context) {
        return new FileOutput(FileOutputSettings.read(config), context.logger(), context.clock(), () -> System.out);
    }
}
