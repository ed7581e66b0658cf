package io.jtelegraf.spi.files;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Telegraf's archive file names: {@code <stem>.<YYYY-MM-DD>-<unix seconds><ext>}, where the
 * extension is everything from the last dot of the file name (Go's {@code filepath.Ext}), for
 * example {@code metrics.out} becomes {@code metrics.2024-05-01-1714521600.out}.
 */
final class ArchiveNames {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private final String prefix;
    private final String extension;

    ArchiveNames(String fileName) {
        int dot = fileName.lastIndexOf('.');
        this.extension = dot < 0 ? "" : fileName.substring(dot);
        this.prefix = (dot < 0 ? fileName : fileName.substring(0, dot)) + ".";
    }

    /** The archive name for a rotation at {@code time}; the date is taken in {@code zone}. */
    String archiveName(Instant time, ZoneId zone) {
        return prefix + DATE.format(LocalDate.ofInstant(time, zone)) + "-" + time.getEpochSecond() + extension;
    }

    /**
     * Whether {@code name} matches Telegraf's archive glob {@code <stem>.*-*<ext>}: the stem and a
     * dot, then anything containing a dash, then the extension.
     */
    boolean isArchive(String name) {
        if (!name.startsWith(prefix) || !name.endsWith(extension)) {
            return false;
        }
        int middleEnd = name.length() - extension.length();
        return middleEnd > prefix.length() && name.substring(prefix.length(), middleEnd).indexOf('-') >= 0;
    }
}
