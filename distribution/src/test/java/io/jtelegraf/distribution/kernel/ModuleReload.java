package io.jtelegraf.distribution.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of one module removal and reload in the guest (events.txt, see module_reload in
 * kernel/suite.sh): generic netlink family ids before, during and after, the moments of unload
 * and reload, and whether the collector showed the error and the recovery in time.
 */
record ModuleReload(Map<String, String> events) {

    static ModuleReload read(Path dir) {
        Map<String, String> events = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("events.txt"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    events.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the guest did not record the module reload in " + dir, e);
        }
        return new ModuleReload(events);
    }

    String familyBefore() {
        return events.get("family_before");
    }

    String familyWhileUnloaded() {
        return events.get("family_while_unloaded");
    }

    String familyAfter() {
        return events.get("family_after");
    }

    long unloadStartedAtMillis() {
        return Long.parseLong(events.get("unload_started_at_ms"));
    }

    long unloadedAtMillis() {
        return Long.parseLong(events.get("unloaded_at_ms"));
    }

    long reloadedAtMillis() {
        return Long.parseLong(events.get("reloaded_at_ms"));
    }

    boolean errorSeen() {
        return "0".equals(events.get("error_seen"));
    }

    boolean recoverySeen() {
        return "0".equals(events.get("recovered_seen"));
    }
}
