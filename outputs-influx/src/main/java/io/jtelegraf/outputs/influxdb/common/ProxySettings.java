package io.jtelegraf.outputs.influxdb.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The proxy the outputs use: {@code http_proxy} when set, otherwise Go's environment rules
 * ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY} in either case; loopback hosts are
 * never proxied). A proxy URL's user info becomes proxy basic auth and is never logged.
 *
 * <p>Threading: immutable; the selector is called from OkHttp's threads.
 */
public final class ProxySettings {
    private final HttpUrl explicitProxy;
    private final HttpUrl httpProxy;
    private final HttpUrl httpsProxy;
    private final List<String> noProxy;

    private ProxySettings(HttpUrl explicitProxy, HttpUrl httpProxy, HttpUrl httpsProxy, List<String> noProxy) {
        this.explicitProxy = explicitProxy;
        this.httpProxy = httpProxy;
        this.httpsProxy = httpsProxy;
        this.noProxy = noProxy;
    }

    /**
     * @param configured the {@code http_proxy} option, empty when unset
     * @param environment the process environment, or a test's stand-in
     * @throws IllegalArgumentException naming the variable or option that is not a proxy URL
     */
    public static ProxySettings of(String configured, Map<String, String> environment) {
        if (!configured.isEmpty()) {
            return new ProxySettings(parse("http_proxy", configured), null, null, List.of());
        }
        HttpUrl http = parseEnv(environment, "HTTP_PROXY");
        HttpUrl https = parseEnv(environment, "HTTPS_PROXY");
        String noProxy = env(environment, "NO_PROXY");
        List<String> entries = new ArrayList<>();
        for (String entry : noProxy.split(",")) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
        return new ProxySettings(null, http, https, List.copyOf(entries));
    }

    /** The passwords of the proxy URLs, for the redactor. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (HttpUrl url : new HttpUrl[] {explicitProxy, httpProxy, httpsProxy}) {
            if (url != null && !url.password().isEmpty()) {
                secrets.add(url.password());
                secrets.add(url.encodedPassword());
            }
        }
        return secrets;
    }

    /** The proxy for requests to {@code target}, or null for a direct connection. */
    public HttpUrl proxyFor(HttpUrl target) {
        if (explicitProxy != null) {
            return explicitProxy;
        }
        if (isLoopback(target.host()) || excluded(target.host())) {
            return null;
        }
        return target.isHttps() ? httpsProxy : httpProxy;
    }

    /** Installs the proxy selector and, where the proxy URL carries user info, proxy auth. */
    public void applyTo(OkHttpClient.Builder builder) {
        builder.proxySelector(new Selector());
        builder.proxyAuthenticator(proxyAuthenticator());
    }

    private Authenticator proxyAuthenticator() {
        return (route, response) -> {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // Already tried; give up instead of looping.
            }
            HttpUrl proxy = proxyFor(response.request().url());
            if (proxy == null || proxy.username().isEmpty()) {
                return null;
            }
            return response.request().newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(proxy.username(), proxy.password()))
                    .build();
        };
    }

    private boolean excluded(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String domain = entry.startsWith(".") ? entry.substring(1) : entry;
            int colon = domain.lastIndexOf(':');
            if (colon > 0 && domain.indexOf(':') == colon) {
                domain = domain.substring(0, colon); // "host:port" entries: the port is not compared.
            }
            if (lower.equals(domain) || lower.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked: resolving names here would block in the selector.
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static HttpUrl parseEnv(Map<String, String> environment, String name) {
        String value = env(environment, name);
        return value.isEmpty() ? null : parse(name, value);
    }

    private static String env(Map<String, String> environment, String name) {
        String upper = environment.get(name);
        if (upper != null && !upper.isEmpty()) {
            return upper;
        }
        String lower = environment.get(name.toLowerCase(Locale.ROOT));
        return lower == null ? "" : lower;
    }

    private static HttpUrl parse(String source, String value) {
        // Go accepts "host:port" without a scheme and assumes http.
        String withScheme = value.contains("://") ? value : "http://" + value;
        HttpUrl url = HttpUrl.parse(withScheme);
        if (url == null || !url.scheme().equals("http")) {
            String shown = url == null ? "(unparsable)" : Redactor.describe(url);
            throw new IllegalArgumentException(source + ": proxy must be an http:// URL, got " + shown);
        }
        return url;
    }

    private final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            HttpUrl target = HttpUrl.get(uri);
            HttpUrl proxy = target == null ? null : proxyFor(target);
            if (proxy == null) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // The write fails and is retried by the output; nothing to remember here.
        }
    }
}
