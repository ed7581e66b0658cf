package io.jtelegraf.agent.buffer;

import java.io.IOException;

/** A record of a segment file whose length or checksum is wrong: torn by a crash or damaged on disk. */
final class CorruptRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptRecordException(String message) {
        super(message);
    }
}
