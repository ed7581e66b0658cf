/**
 * Files that plugins and the runtime write: {@link io.jtelegraf.spi.files.RotatingFileWriter}
 * appends and rotates like Telegraf's {@code internal/rotate}. JDK only, like the rest of the SPI.
 */
package io.jtelegraf.spi.files;
