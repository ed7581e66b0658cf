package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.inputs.ipvs.netlink.IpvsClient;
import io.jtelegraf.inputs.ipvs.netlink.IpvsException;

/** Opens an {@link IpvsClient}; the plugin calls it again after a failed service dump. */
@FunctionalInterface
interface IpvsClientOpener {
    IpvsClient open() throws IpvsException;
}
