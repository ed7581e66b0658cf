package io.jtelegraf.spi.lineprotocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The escaped UTF-8 bytes of recently written names, tag keys, tag values and field keys, so text
 * that repeats from line to line is escaped once and then copied. Inputs build many metrics with
 * the same String objects (every field key, most tag keys, many tag values), which made escaping
 * the larger half of serializing.
 *
 * <p>A direct-mapped table indexed by {@link String#hashCode()} (which the String caches): a hit
 * needs the same String object or equal text plus the same form; a miss escapes as usual and then
 * keeps a copy of the result in the slot's entry, reusing its array when it is large enough, so a
 * warm cache allocates nothing. Text longer than {@link #MAX_CACHED_CHARS} is never cached. The
 * bytes are exactly those {@link Escapes#write} produces, so the output is unchanged.
 *
 * <p>The serializer keeps names and keys apart from tag values: there are few distinct keys, and
 * a stream of distinct values (one address per real server) must not evict them.
 *
 * <p>Keys are cached together with the separators around them ({@code ,key=} for a tag key,
 * {@code key=} or {@code ,key=} for a field key), which saves a bounds check per separator.
 *
 * <p>Not thread-safe: one per serializer.
 */
final class EscapedTextCache {
    /** A measurement name: {@link Escapes#NAME}. */
    static final int NAME = Escapes.NAME;
    /** A tag value: {@link Escapes#KEY}. */
    static final int TAG_VALUE = Escapes.KEY;
    /** A tag key with its separators: {@code ,key=}. */
    static final int TAG_KEY = Escapes.KEY | 0x10;
    /** The first field key of a line: {@code key=}. */
    static final int FIRST_FIELD_KEY = Escapes.KEY | 0x20;
    /** A later field key of a line: {@code ,key=}. */
    static final int NEXT_FIELD_KEY = Escapes.KEY | 0x40;

    private static final int ESCAPES = 0x0F;
    private static final int LEADING_COMMA = 0x10 | 0x40;
    private static final int TRAILING_EQUALS = 0x10 | 0x20 | 0x40;

    /** Longer text is rarely repeated and would make the entries large. */
    static final int MAX_CACHED_CHARS = 96;

    /** One slot: its fields sit together in memory, so a lookup touches few cache lines. */
    static final class Entry {
        String text;
        int form;
        int length;
        byte[] bytes;
    }

    /** Eight bytes at any offset of a byte array. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Entry[] entries;
    private final int mask;

    /** A cache of {@code slots} entries, a power of two. */
    EscapedTextCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        entries = new Entry[slots];
        mask = slots - 1;
    }

    /**
     * The entry holding {@code text} in {@code form}, or null. An entry of a tag form also proves
     * that the text is not empty and does not end in a backslash, as only such text is cached in
     * those forms.
     */
    Entry find(String text, int form) {
        if (text.length() > MAX_CACHED_CHARS) {
            return null;
        }
        Entry entry = entries[slot(text)];
        if (entry != null && entry.form == form && (entry.text == text || text.equals(entry.text))) {
            return entry;
        }
        return null;
    }

    /** Appends the bytes of {@code entry} to {@code out}. */
    static void append(Entry entry, LineBuffer out) {
        int count = entry.length;
        // Room for a whole 16-byte block even when the entry is shorter: the bytes past count
        // are overwritten by whatever comes next.
        byte[] target = out.ensure(Math.max(count, 16));
        int pos = out.length;
        byte[] source = entry.bytes;
        if (count <= 16) {
            // Most entries are a few bytes long: two 8-byte moves beat a loop or an arraycopy call.
            LONGS.set(target, pos, (long) LONGS.get(source, 0));
            LONGS.set(target, pos + 8, (long) LONGS.get(source, 8));
        } else {
            System.arraycopy(source, 0, target, pos, count);
        }
        out.length = pos + count;
    }

    /** Appends {@code text} in {@code form} (one of the constants above) to {@code out}. */
    void write(LineBuffer out, String text, int form) {
        Entry found = find(text, form);
        if (found != null) {
            append(found, out);
            return;
        }
        writeAndKeep(out, text, form);
    }

    /**
     * Appends {@code text}, which the caller found missing, in {@code form} to {@code out} and
     * keeps its bytes.
     *
     * @return the entry now holding them (until a text of the same slot replaces it), or null for
     *         text too long to cache
     */
    Entry writeAndKeep(LineBuffer out, String text, int form) {
        int start = out.length;
        writeUncached(out, text, form);
        if (text.length() > MAX_CACHED_CHARS) {
            return null;
        }
        int count = out.length - start;
        int slot = slot(text);
        Entry entry = entries[slot];
        if (entry == null) {
            entry = new Entry();
            entries[slot] = entry;
        }
        if (entry.bytes == null || entry.bytes.length < count) {
            // At least 16 bytes, so append can always move a whole block.
            entry.bytes = new byte[Math.max(count, 16)];
        }
        System.arraycopy(out.bytes, start, entry.bytes, 0, count);
        entry.length = count;
        entry.form = form;
        entry.text = text;
        return entry;
    }

    private int slot(String text) {
        int hash = text.hashCode();
        return (hash ^ (hash >>> 11)) & mask;
    }

    private static void writeUncached(LineBuffer out, String text, int form) {
        if ((form & LEADING_COMMA) != 0) {
            out.put((byte) ',');
        }
        Escapes.write(out, text, text.length(), (byte) (form & ESCAPES));
        if ((form & TRAILING_EQUALS) != 0) {
            out.put((byte) '=');
        }
    }
}
