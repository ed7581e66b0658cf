package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.NetlinkIpvsClient;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;

/**
 * Creates {@code [[inputs.ipvs]]} inputs: IPVS virtual and real server statistics read from the
 * Linux kernel over generic netlink. Registered on every OS, like Telegraf's plugin; off Linux the
 * input warns once and gathers nothing.
 */
public final class IpvsInputFactory implements InputFactory {
    static final String UNSUPPORTED_PLATFORM = "Current platform is not supported";

    @Override
    public String name() {
        return "ipvs";
    }

    @Override
    public Input create(PluginConfig config, PluginContext context) {
        IpvsOptions options = IpvsOptions.read(config);
        return create(options, context, isLinux(System.getProperty("os.name", "")),
                () -> NetlinkIpvsClient.open(options.timeout(), options.netns()));
    }

    static Input create(IpvsOptions options, PluginContext context, boolean linux, IpvsClientOpener opener) {
        if (!linux) {
            context.logger().warn(UNSUPPORTED_PLATFORM);
        }
        return new IpvsInput(options, opener, context.logger(), context.clock(), linux);
    }

    static boolean isLinux(String osName) {
        return osName.startsWith("Linux");
    }
}
