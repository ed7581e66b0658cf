package io.jtelegraf.outputs.influxdb;

import io.jtelegraf.outputs.influxdb.common.HttpOptions;
import io.jtelegraf.outputs.influxdb.common.Redactor;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;
import io.jtelegraf.spi.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * The options of {@code [[outputs.influxdb]]} (spec 7.1), with Telegraf's key names and defaults.
 *
 * @param urls the http(s) URLs; {@code http://localhost:8086} when empty
 * @param database {@code database}, {@code telegraf} when empty
 * @param databaseTag {@code database_tag}
 * @param excludeDatabaseTag {@code exclude_database_tag}
 * @param retentionPolicy {@code retention_policy}
 * @param retentionPolicyTag {@code retention_policy_tag}
 * @param excludeRetentionPolicyTag {@code exclude_retention_policy_tag}
 * @param skipDatabaseCreation {@code skip_database_creation}
 * @param writeConsistency {@code write_consistency}
 * @param username {@code username}
 * @param password {@code password}
 * @param http the options shared with influxdb_v2
 */
record InfluxDbConfig(List<HttpUrl> urls, String database, String databaseTag, boolean excludeDatabaseTag,
                      String retentionPolicy, String retentionPolicyTag, boolean excludeRetentionPolicyTag,
                      boolean skipDatabaseCreation, String writeConsistency, Secret username, Secret password,
                      HttpOptions http) {

    private static final Set<String> CONSISTENCY = Set.of("", "any", "one", "quorum", "all");

    static InfluxDbConfig read(PluginConfig config, PluginContext context) {
        List<HttpUrl> urls = urls(config);
        String database = config.getString("database", "telegraf");
        String consistency = config.getString("write_consistency", "");
        if (!CONSISTENCY.contains(consistency)) {
            throw config.invalid("write_consistency", "must be one of any, one, quorum, all; not \"" + consistency + "\"");
        }
        // UDP is not supported, so its payload size has no use; the key is read so that Telegraf
        // configurations that set it still load.
        config.getSize("udp_payload", 512);
        return new InfluxDbConfig(urls, database.isEmpty() ? "telegraf" : database,
                config.getString("database_tag", ""), config.getBoolean("exclude_database_tag", false),
                config.getString("retention_policy", ""), config.getString("retention_policy_tag", ""),
                config.getBoolean("exclude_retention_policy_tag", false),
                config.getBoolean("skip_database_creation", false), consistency,
                config.getSecret("username"), config.getSecret("password"),
                HttpOptions.read(config, context, HttpOptions.DEFAULT_TIMEOUT));
    }

    /** Whether metrics are grouped by a database or retention-policy tag. */
    boolean routesByTag() {
        return !databaseTag.isEmpty() || !retentionPolicyTag.isEmpty();
    }

    /**
     * The Authorization header value: basic auth from username/password when either is set,
     * otherwise from the URL's user info, otherwise null.
     */
    String basicAuthorization(HttpUrl url) {
        if (!username.isEmpty() || !password.isEmpty()) {
            return Credentials.basic(username.reveal(), password.reveal());
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            return Credentials.basic(url.username(), url.password());
        }
        return null;
    }

    /** Every secret this configuration holds, for masking. */
    Redactor redactor() {
        List<String> secrets = new ArrayList<>(List.of(password.reveal()));
        String authorizationHint = username.reveal() + ":" + password.reveal();
        secrets.add(authorizationHint);
        for (HttpUrl url : urls) {
            secrets.add(url.password());
            secrets.add(url.encodedPassword());
            String auth = basicAuthorization(url);
            if (auth != null) {
                secrets.add(auth.substring("Basic ".length()));
            }
        }
        secrets.addAll(http.secretHeaderValues());
        secrets.addAll(http.proxy().secrets());
        return Redactor.of(secrets);
    }

    private static List<HttpUrl> urls(PluginConfig config) {
        List<String> configured = config.getStringList("urls", List.of());
        if (configured.isEmpty()) {
            configured = List.of("http://localhost:8086");
        }
        List<HttpUrl> urls = new ArrayList<>();
        for (String text : configured) {
            urls.add(parseUrl(config, text));
        }
        return List.copyOf(urls);
    }

    private static HttpUrl parseUrl(PluginConfig config, String text) {
        String scheme;
        try {
            scheme = new URI(text).getScheme();
        } catch (URISyntaxException e) {
            scheme = null;
        }
        HttpUrl url = HttpUrl.parse(text);
        String shown = url != null ? Redactor.describe(url) : "\"" + withoutUserInfo(text) + "\"";
        if (scheme == null) {
            throw config.invalid("urls", "not a URL: " + shown);
        }
        switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
            case "http", "https":
                if (url == null) {
                    throw config.invalid("urls", "not a valid http(s) URL: " + shown);
                }
                return url;
            case "udp", "udp4", "udp6":
                throw config.invalid("urls", "UDP is not supported (" + shown + "); use an http:// or https:// URL");
            case "unix":
                throw config.invalid("urls", "unix sockets are not supported (" + shown + "); use an http:// or https:// URL");
            default:
                throw config.invalid("urls", "unsupported scheme \"" + scheme + "\" in " + shown);
        }
    }

    /** For error messages about unparsable URLs: drop anything between "//" and "@". */
    static String withoutUserInfo(String text) {
        return text.replaceFirst("//[^/@]*@", "//");
    }
}
