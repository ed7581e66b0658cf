package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
        if (looksBinary(bytes)) {
            throw new ConfigException(file + ": provided config is not a TOML file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": provided config is not a TOML file (it is not UTF-8 text)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Control bytes that make Go's content sniffer call data binary. */
    private static boolean looksBinary(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_LENGTH);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b <= 0x08 || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
                return true;
            }
        }
        return false;
    }
}
