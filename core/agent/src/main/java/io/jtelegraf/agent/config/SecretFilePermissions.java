package io.jtelegraf.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns when a config file that holds credentials can be modified by other users, who could then
 * point the agent at their own server and collect the password.
 */
final class SecretFilePermissions {
    private SecretFilePermissions() {
    }

    static Optional<String> check(Path file, ConfigTable root) {
        Set<String> secretKeys = new TreeSet<>();
        collectSecretKeys(root, secretKeys);
        if (secretKeys.isEmpty()) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of(file + ": holds credentials (keys " + String.join(", ", secretKeys.stream()
                    .map(k -> "\"" + k + "\"").toList()) + ") but is writable by group or others;"
                    + " restrict it, for example with chmod go-w " + file);
        }
        return Optional.empty();
    }

    private static void collectSecretKeys(ConfigTable table, Set<String> found) {
        for (Map.Entry<String, ConfigTable.Value> entry : table.entries().entrySet()) {
            Object value = entry.getValue().value();
            if (value instanceof String text && !text.isEmpty() && GeneralOptions.looksSecret(entry.getKey())) {
                found.add(entry.getKey());
            } else if (value instanceof ConfigTable nested) {
                collectSecretKeys(nested, found);
            } else if (value instanceof List<?> items) {
                for (Object item : items) {
                    if (((ConfigTable.Value) item).value() instanceof ConfigTable nested) {
                        collectSecretKeys(nested, found);
                    }
                }
            }
        }
    }
}
