package io.jtelegraf.outputs.influxdb.v2;

import io.jtelegraf.outputs.influxdb.common.HttpOptions;
import io.jtelegraf.outputs.influxdb.common.Redactor;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;
import io.jtelegraf.spi.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The options of {@code [[outputs.influxdb_v2]]} (spec 8.1), with Telegraf's key names and defaults.
 *
 * @param urls the http(s) URLs, with any query parameters they carry; {@code http://localhost:8086} when empty
 * @param token {@code token}, sent as {@code Authorization: Token <token>} (even when empty)
 * @param organization {@code organization}, the {@code org} parameter
 * @param bucket {@code bucket}
 * @param bucketTag {@code bucket_tag}
 * @param excludeBucketTag {@code exclude_bucket_tag}
 * @param readIdleTimeout {@code read_idle_timeout}, used as the HTTP/2 ping interval
 * @param http the options shared with influxdb
 */
record InfluxDbV2Config(List<HttpUrl> urls, Secret token, String organization, String bucket, String bucketTag,
                        boolean excludeBucketTag, Duration readIdleTimeout, HttpOptions http) {

    static InfluxDbV2Config read(PluginConfig config, PluginContext context) {
        List<HttpUrl> urls = urls(config);
        Duration pingTimeout = config.getDuration("ping_timeout", Duration.ZERO);
        Duration readIdleTimeout = config.getDuration("read_idle_timeout", Duration.ZERO);
        if (pingTimeout.isNegative() || readIdleTimeout.isNegative()) {
            throw config.invalid(pingTimeout.isNegative() ? "ping_timeout" : "read_idle_timeout", "must not be negative");
        }
        long rateLimit = config.getSize("rate_limit", 0);
        config.getDuration("rate_limit_period", Duration.ZERO);
        if (rateLimit > 0) {
            throw config.invalid("rate_limit", "is not supported by this output; remove it or set it to 0");
        }
        long concurrentWrites = config.getLong("concurrent_writes", 1);
        if (concurrentWrites != 1) {
            throw config.invalid("concurrent_writes", "only 1 is supported by this output, not " + concurrentWrites);
        }
        return new InfluxDbV2Config(urls, config.getSecret("token"), config.getString("organization", ""),
                config.getString("bucket", ""), config.getString("bucket_tag", ""),
                config.getBoolean("exclude_bucket_tag", false), readIdleTimeout,
                HttpOptions.read(config, context, HttpOptions.DEFAULT_TIMEOUT));
    }

    /** The Authorization header value Telegraf sends. */
    String authorization() {
        return "Token " + token.reveal();
    }

    /** Every secret of this configuration, for masking. */
    Redactor redactor() {
        List<String> secrets = new ArrayList<>(List.of(token.reveal()));
        for (HttpUrl url : urls) {
            secrets.add(url.password());
            secrets.add(url.encodedPassword());
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
            String scheme;
            try {
                scheme = new URI(text).getScheme();
            } catch (URISyntaxException e) {
                scheme = null;
            }
            HttpUrl url = HttpUrl.parse(text);
            String shown = url != null ? Redactor.describe(url) : "\"" + text.replaceFirst("//[^/@]*@", "//") + "\"";
            if (scheme == null) {
                throw config.invalid("urls", "not a URL: " + shown);
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (lower.equals("unix")) {
                throw config.invalid("urls", "unix sockets are not supported (" + shown + "); use an http:// or https:// URL");
            }
            if (!lower.equals("http") && !lower.equals("https")) {
                throw config.invalid("urls", "unsupported scheme \"" + scheme + "\" in " + shown);
            }
            if (url == null) {
                throw config.invalid("urls", "not a valid http(s) URL: " + shown);
            }
            urls.add(url);
        }
        return List.copyOf(urls);
    }
}
