/**
 * The {@code [[inputs.ipvs]]} input: Linux IPVS virtual and real server statistics as
 * {@code ipvs_virtual_server} and {@code ipvs_real_server} gauges, compatible with Telegraf's
 * plugin of the same name. Entry point: {@link io.jtelegraf.inputs.ipvs.IpvsInputFactory}.
 */
package io.jtelegraf.inputs.ipvs;
