/**
 * A small IPVS client over generic netlink. Messages are built and parsed in pure Java on
 * native-order buffers; the only native code is the libc facade ({@code Libc}, jnr-ffi) behind
 * the {@code NetlinkTransport} seam. Entry points: {@link io.jtelegraf.inputs.ipvs.netlink.IpvsClient}
 * and {@link io.jtelegraf.inputs.ipvs.netlink.NetlinkIpvsClient#open}.
 */
package io.jtelegraf.inputs.ipvs.netlink;
