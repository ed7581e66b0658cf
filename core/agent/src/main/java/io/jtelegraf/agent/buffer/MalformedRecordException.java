package io.jtelegraf.agent.buffer;

/** A buffer record whose checksum matched but whose content does not decode to a metric. */
final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
        super(message);
    }
}
