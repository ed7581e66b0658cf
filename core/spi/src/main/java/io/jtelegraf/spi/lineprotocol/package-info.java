/**
 * InfluxDB line protocol as Telegraf's {@code influx} serializer writes it, for outputs that send
 * or store metrics as text. JDK only, like the rest of the SPI: {@link
 * io.jtelegraf.spi.lineprotocol.LineProtocolSerializer} turns metrics into bytes,
 * {@link io.jtelegraf.spi.lineprotocol.LineBuffer} holds them without copies, and
 * {@link io.jtelegraf.spi.lineprotocol.FloatFormat} writes floats as Go does.
 */
package io.jtelegraf.spi.lineprotocol;
