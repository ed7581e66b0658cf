package io.jtelegraf.agent.config;

import java.util.Locale;
import java.util.Set;

/**
 * Plugin-table keys that are never reported as unused (spec 1.10): Telegraf's list of options
 * every plugin table may carry, even where they have no effect ({@code interval} on an output,
 * {@code tags} on an output, {@code order} outside processors...).
 */
final class GeneralOptions {
    static final Set<String> ALLOWED = Set.of(
            "alias", "always_include_local_tags", "buffer_strategy", "buffer_directory", "buffer_disk_sync",
            "collection_jitter", "collection_offset", "data_format", "delay", "drop", "drop_original",
            "fielddrop", "fieldexclude", "fieldinclude", "fieldpass", "flush_interval", "flush_jitter", "grace",
            "interval", "log_level", "lvm", "metric_batch_size", "metric_buffer_limit", "metricpass",
            "name_override", "name_prefix", "name_suffix", "namedrop", "namedrop_separator", "namepass",
            "namepass_separator", "order", "pass", "period", "precision", "tagdrop", "tagexclude", "taginclude",
            "tagpass", "tags", "startup_error_behavior", "labels", "id", "data_type", "influx_parser_type");

    private GeneralOptions() {
    }

    /**
     * Whether a key name suggests a credential, so its value is kept out of every message and
     * the file's permissions are checked.
     */
    static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("token") || lower.contains("secret")
                || lower.equals("api_key") || lower.equals("apikey");
    }
}
