package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one config file as UTF-8 text (spec 1.1 item 5): a leading byte order mark is removed,
 * and a file that does not look like text fails with Telegraf's "provided config is not a TOML
 * file".
 */
final class ConfigFileReader {
    /** Go's http.DetectContentType only looks at the first 512 bytes. */
    private static final int SNIFF_LENGTH = 512;

    private ConfigFileReader() {
    }

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(file + ": cannot read the config file: " + ConfigFileLocator.describe(e));
        }
        int binaryAt = firstBinaryByte(bytes);
        if (binaryAt >= 0) {
            throw new ConfigException(file + ":" + lineOf(bytes, binaryAt) + ": provided config is not a TOML file"
                    + String.format(" (control byte 0x%02X)", bytes[binaryAt] & 0xff));
        }
        CharBuffer text = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, text, true);
        if (result.isError()) {
            // The decoder stops at the first bad byte: name its line, so the operator can find it.
            throw new ConfigException(file + ":" + lineOf(bytes, in.position())
                    + ": provided config is not a TOML file (it is not UTF-8 text)");
        }
        String decoded = text.flip().toString();
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    /** The first control byte that makes Go's content sniffer call data binary, or -1. */
    private static int firstBinaryByte(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_LENGTH);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b <= 0x08 || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
                return i;
            }
        }
        return -1;
    }

    /** The 1-based line of the byte at {@code offset}. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
