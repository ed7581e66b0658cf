package io.jtelegraf.inputs.ipvs.netlink;

import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_DONE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.NLMSG_MIN_TYPE;
import static io.jtelegraf.inputs.ipvs.netlink.NetlinkConstants.align4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The reply datagrams of one full gather recorded from a real kernel (format in
 * {@code shared/fixtures/ipvs-bench/README.md}): records of {@code u8 kind ('S' service dump,
 * 'D' real-server dump)}, {@code u32 length} (little endian) and the datagram. Split here into
 * the service dump and one real-server dump per service, each dump ending with the datagram that
 * holds its {@code NLMSG_DONE}. Immutable after {@link #read}.
 */
public final class Capture {
    private final String source;
    private final List<Datagram> serviceDump;
    private final List<List<Datagram>> destinationDumps;
    private final int familyId;
    private final long bytes;

    private Capture(String source, List<Datagram> serviceDump, List<List<Datagram>> destinationDumps, int familyId,
                    long bytes) {
        this.source = source;
        this.serviceDump = serviceDump;
        this.destinationDumps = destinationDumps;
        this.familyId = familyId;
        this.bytes = bytes;
    }

    /** Reads a capture file, gzip-compressed (name ending in {@code .gz}) or plain. */
    public static Capture read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("capture file " + file.toAbsolutePath().normalize() + " does not exist; pass one with "
                    + "-p capture=PATH (relative to the repository root), e.g. ../shared/fixtures/ipvs-bench/capture-100x10.bin.gz");
        }
        byte[] content;
        try (InputStream in = file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            content = all.toByteArray();
        }
        return parse(file.toString(), content);
    }

    static Capture parse(String source, byte[] content) throws IOException {
        ByteBuffer records = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        List<Datagram> services = new ArrayList<>();
        List<List<Datagram>> destinations = new ArrayList<>();
        List<Datagram> currentDump = new ArrayList<>();
        int familyId = -1;
        while (records.remaining() > 0) {
            int recordOffset = records.position();
            if (records.remaining() < 5) {
                throw new IOException(source + ": truncated record header at byte " + recordOffset);
            }
            byte kind = records.get();
            int length = records.getInt();
            if (length < 0 || length > records.remaining() || length > NetlinkTransport.REPLY_BUFFER_SIZE) {
                throw new IOException(source + ": record at byte " + recordOffset + " claims " + Integer.toUnsignedString(length)
                        + " bytes where " + records.remaining() + " remain");
            }
            byte[] bytes = new byte[length];
            records.get(bytes);
            Datagram datagram;
            try {
                datagram = Datagram.of(bytes);
            } catch (IOException e) {
                throw new IOException(source + ": record at byte " + recordOffset + ": " + e.getMessage(), e);
            }
            familyId = familyId >= 0 ? familyId : firstFamilyType(bytes);
            if (kind == 'S') {
                if (!destinations.isEmpty() || !currentDump.isEmpty()) {
                    throw new IOException(source + ": service datagram at byte " + recordOffset + " after real-server datagrams");
                }
                services.add(datagram);
            } else if (kind == 'D') {
                currentDump.add(datagram);
                if (endsDump(bytes)) {
                    destinations.add(List.copyOf(currentDump));
                    currentDump.clear();
                }
            } else {
                throw new IOException(source + ": unknown record kind " + (kind & 0xFF) + " at byte " + recordOffset);
            }
        }
        if (services.isEmpty() || !endsDump(services.get(services.size() - 1).bytes())) {
            throw new IOException(source + ": the service dump is missing or does not end with NLMSG_DONE");
        }
        if (!currentDump.isEmpty()) {
            throw new IOException(source + ": the last real-server dump does not end with NLMSG_DONE");
        }
        if (familyId < 0) {
            throw new IOException(source + ": no IPVS message, so the family id is unknown");
        }
        return new Capture(source, List.copyOf(services), List.copyOf(destinations), familyId, content.length);
    }

    /** The type of the first non-control message: the IPVS family id the kernel used. */
    private static int firstFamilyType(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        for (int offset = 0; datagram.length - offset >= NLMSG_HDRLEN; ) {
            int length = buffer.getInt(offset);
            int type = buffer.getShort(offset + 4) & 0xFFFF;
            if (type >= NLMSG_MIN_TYPE) {
                return type;
            }
            if (length < NLMSG_HDRLEN) {
                break;
            }
            offset += align4(length);
        }
        return -1;
    }

    /**
     * One recorded datagram and the offsets of its netlink message headers, where a replay writes
     * the sequence number of the request it answers.
     */
    record Datagram(byte[] bytes, int[] headers) {
        static Datagram of(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            List<Integer> offsets = new ArrayList<>();
            int offset = 0;
            while (bytes.length - offset >= NLMSG_HDRLEN) {
                int length = buffer.getInt(offset);
                if (length < NLMSG_HDRLEN || length > bytes.length - offset) {
                    throw new IOException("message length " + length + " at offset " + offset + " does not fit its "
                            + bytes.length + "-byte datagram");
                }
                offsets.add(offset);
                offset += align4(length);
            }
            return new Datagram(bytes, offsets.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static boolean endsDump(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        for (int offset = 0; datagram.length - offset >= NLMSG_HDRLEN; ) {
            int length = buffer.getInt(offset);
            if ((buffer.getShort(offset + 4) & 0xFFFF) == NLMSG_DONE) {
                return true;
            }
            if (length < NLMSG_HDRLEN) {
                break;
            }
            offset += align4(length);
        }
        return false;
    }

    /** Where the capture came from, for messages. */
    public String source() {
        return source;
    }

    /** The datagrams answering the service dump. */
    List<Datagram> serviceDump() {
        return serviceDump;
    }

    /** The datagrams answering each real-server dump, in service order. */
    List<List<Datagram>> destinationDumps() {
        return destinationDumps;
    }

    /** The IPVS generic netlink family id of the recording kernel. */
    int familyId() {
        return familyId;
    }

    /** How many real-server dumps the capture holds (one per service). */
    public int destinationDumpCount() {
        return destinationDumps.size();
    }

    /** The uncompressed size of the capture file. */
    public long bytes() {
        return bytes;
    }
}
