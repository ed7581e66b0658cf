package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * The HTTP options both InfluxDB outputs share, read from the plugin table with Telegraf's key
 * names and defaults, and the one OkHttp client built from them per output instance (so
 * connections are reused between writes).
 *
 * @param timeout whole-request timeout; zero means none
 * @param userAgent the {@code user_agent} option, or {@code jtelegraf/<version>}
 * @param headers {@code http_headers} in configured order; a {@code Host} entry sets the Host header
 * @param encoding the {@code content_encoding} option
 * @param proxy {@code http_proxy} or the environment's proxy
 * @param tls the {@code tls_*} options
 * @param localAddress {@code local_address}, or null
 * @param maxRetriesPerBatch {@code max_retries_per_batch}: attempts after which a batch that keeps
 *     failing the same permanent-looking way is dropped; 0 retries forever as Telegraf does
 * @param uintSupport {@code influx_uint_support}
 * @param omitTimestamp {@code influx_omit_timestamp}
 */
public record HttpOptions(Duration timeout, String userAgent, Map<String, String> headers, ContentEncoding encoding,
                          ProxySettings proxy, TlsClientConfig tls, InetSocketAddress localAddress,
                          int maxRetriesPerBatch, boolean uintSupport, boolean omitTimestamp) {

    /** Telegraf's default {@code timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The default of {@code max_retries_per_batch}. */
    public static final int DEFAULT_MAX_RETRIES_PER_BATCH = 10;

    /**
     * Reads the shared options.
     *
     * @param zeroTimeout what {@code timeout = 0} means for this output (v1: 5 s; v2: none)
     */
    public static HttpOptions read(PluginConfig config, PluginContext context, Duration zeroTimeout) {
        Duration timeout = config.getDuration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isNegative()) {
            throw config.invalid("timeout", "must not be negative");
        }
        if (timeout.isZero()) {
            timeout = zeroTimeout;
        }
        String userAgent = config.getString("user_agent", "");
        if (userAgent.isEmpty()) {
            userAgent = "jtelegraf/" + context.agentVersion();
        }
        Map<String, String> headers = new LinkedHashMap<>(config.getStringMap("http_headers", Map.of()));
        ContentEncoding encoding = ContentEncoding.read(config);
        ProxySettings proxy;
        try {
            proxy = ProxySettings.of(config.getString("http_proxy", ""), System.getenv());
        } catch (IllegalArgumentException e) {
            throw config.invalid("http_proxy", e.getMessage());
        }
        InetSocketAddress localAddress = localAddress(config);
        long maxRetries = config.getLong("max_retries_per_batch", DEFAULT_MAX_RETRIES_PER_BATCH);
        if (maxRetries < 0 || maxRetries > Integer.MAX_VALUE) {
            throw config.invalid("max_retries_per_batch", "must be 0 (retry forever) or a positive number");
        }
        boolean uintSupport = config.getBoolean("influx_uint_support", false);
        boolean omitTimestamp = config.getBoolean("influx_omit_timestamp", false);
        TlsClientConfig tls = TlsClientConfig.read(config);
        return new HttpOptions(timeout, userAgent, Collections.unmodifiableMap(headers), encoding, proxy, tls,
                localAddress, (int) maxRetries, uintSupport, omitTimestamp);
    }

    /**
     * Values of headers whose names suggest credentials (Authorization, Cookie, anything with
     * token, key, secret, password or auth in its name), to be masked in messages. Headers are
     * never logged; this only guards text a server echoes back.
     */
    public List<String> secretHeaderValues() {
        List<String> values = new ArrayList<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("auth") || lower.contains("token") || lower.contains("key")
                    || lower.contains("secret") || lower.contains("password") || lower.contains("cookie")) {
                values.add(value);
                int space = value.indexOf(' ');
                if (space > 0) {
                    values.add(value.substring(space + 1)); // "Token abc" / "Bearer abc": the credential alone.
                }
            }
        });
        return values;
    }

    /**
     * A new client for one output instance; release it with {@link #shutdown(OkHttpClient)}.
     *
     * @param pingInterval HTTP/2 ping interval, zero for none
     */
    public OkHttpClient newClient(Duration pingInterval) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false);
        if (!pingInterval.isZero()) {
            builder.pingInterval(pingInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        SocketFactory sockets = localAddress != null ? new LocalAddressSocketFactory(localAddress) : SocketFactory.getDefault();
        builder.socketFactory(new NoDelaySocketFactory(sockets));
        proxy.applyTo(builder);
        tls.applyTo(builder);
        return builder.build();
    }

    /** Releases the client's pooled connections and threads. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static InetSocketAddress localAddress(PluginConfig config) {
        String value = config.getString("local_address", "");
        if (value.isEmpty()) {
            return null;
        }
        String host = value;
        int port = 0;
        int colon = value.lastIndexOf(':');
        boolean bracketed = value.startsWith("[");
        if (colon > 0 && (bracketed ? value.indexOf(']') < colon : value.indexOf(':') == colon)) {
            host = value.substring(0, colon);
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw config.invalid("local_address", "port must be a number in \"" + value + "\"");
            }
        }
        if (bracketed && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            throw config.invalid("local_address", "must be an IP address, optionally with :port, not \"" + value + "\"");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw config.invalid("local_address", "not an IP address: \"" + value + "\"");
        }
    }
}
