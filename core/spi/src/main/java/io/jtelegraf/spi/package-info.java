/**
 * The jtelegraf plugin SPI: what input and output plugins implement and what the runtime gives
 * them. It mirrors Telegraf's contracts ({@code Input}, {@code ServiceInput}, {@code Output},
 * {@code Accumulator}) and depends on the JDK only.
 */
package io.jtelegraf.spi;
