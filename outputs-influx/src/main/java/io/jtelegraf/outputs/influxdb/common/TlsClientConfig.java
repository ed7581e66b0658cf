package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.PluginConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;

/**
 * The client-side TLS options shared by both InfluxDB outputs (Telegraf's {@code tls_*} keys),
 * read and turned into an SSL context at load time so that a bad file fails start-up with the key
 * named, as Telegraf does.
 *
 * <p>Supported: {@code tls_ca}, {@code tls_cert}, {@code tls_key}, {@code insecure_skip_verify},
 * {@code tls_server_name}, {@code tls_min_version}, {@code tls_max_version},
 * {@code tls_cipher_suites}, {@code tls_renegotiation_method = "never"} and
 * {@code tls_enable = true}. Rejected with a clear error: {@code tls_key_pwd} (encrypted keys),
 * other renegotiation methods, {@code tls_enable = false}.
 *
 * <p>Threading: immutable after {@link #read}.
 */
public final class TlsClientConfig {
    private static final List<String> VERSION_NAMES = List.of("TLS10", "TLS11", "TLS12", "TLS13");
    private static final List<TlsVersion> VERSIONS =
            List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);

    private final SSLContext sslContext;
    private final X509TrustManager trustManager;
    private final boolean insecureSkipVerify;
    private final String serverName;
    private final ConnectionSpec connectionSpec;

    private TlsClientConfig(SSLContext sslContext, X509TrustManager trustManager, boolean insecureSkipVerify,
                            String serverName, ConnectionSpec connectionSpec) {
        this.sslContext = sslContext;
        this.trustManager = trustManager;
        this.insecureSkipVerify = insecureSkipVerify;
        this.serverName = serverName;
        this.connectionSpec = connectionSpec;
    }

    /** Reads every {@code tls_*} key and {@code insecure_skip_verify}; verification is on by default. */
    public static TlsClientConfig read(PluginConfig config) {
        rejectUnsupported(config);
        String ca = config.getString("tls_ca", "");
        String cert = config.getString("tls_cert", "");
        String key = config.getString("tls_key", "");
        boolean insecure = config.getBoolean("insecure_skip_verify", false);
        String serverName = config.getString("tls_server_name", "");
        List<TlsVersion> versions = versions(config);
        List<String> cipherSuites = config.getStringList("tls_cipher_suites", List.of());
        if (cert.isEmpty() != key.isEmpty()) {
            throw config.invalid(cert.isEmpty() ? "tls_cert" : "tls_key", "tls_cert and tls_key must be set together");
        }
        try {
            // Like Telegraf, a configured tls_ca is loaded even when insecure_skip_verify makes it
            // unused, so a missing or broken CA file is reported either way.
            X509TrustManager verifying = insecure && ca.isEmpty() ? null : trustManager(config, ca);
            X509TrustManager trustManager = insecure ? TrustAllManager.INSTANCE : verifying;
            KeyManager[] keyManagers = cert.isEmpty() ? null : keyManagers(config, cert, key);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trustManager}, null);
            checkCipherSuites(config, context, cipherSuites);
            ConnectionSpec.Builder spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                    .tlsVersions(versions.toArray(new TlsVersion[0]));
            if (!cipherSuites.isEmpty()) {
                spec.cipherSuites(cipherSuites.toArray(new String[0]));
            }
            return new TlsClientConfig(context, trustManager, insecure, serverName, spec.build());
        } catch (GeneralSecurityException e) {
            throw config.invalid(ca.isEmpty() ? "tls_cert" : "tls_ca", "cannot set up TLS: " + e.getMessage());
        }
    }

    /** Installs the TLS settings on a client builder (they only apply to https URLs). */
    public void applyTo(OkHttpClient.Builder builder) {
        if (insecureSkipVerify) {
            builder.sslSocketFactory(sslContext.getSocketFactory(), trustManager);
            builder.hostnameVerifier((host, session) -> true);
        } else if (!serverName.isEmpty()) {
            builder.sslSocketFactory(new ServerNameSocketFactory(sslContext.getSocketFactory(), serverName), trustManager);
            // The JDK already checked the certificate against tls_server_name (see ServerNameSocketFactory).
            builder.hostnameVerifier((host, session) -> true);
        } else {
            builder.sslSocketFactory(sslContext.getSocketFactory(), trustManager);
        }
        builder.connectionSpecs(List.of(connectionSpec, ConnectionSpec.CLEARTEXT));
    }

    private static void rejectUnsupported(PluginConfig config) {
        if (!config.getSecret("tls_key_pwd").isEmpty()) {
            throw config.invalid("tls_key_pwd", "encrypted private keys are not supported; use an unencrypted PKCS#8 key");
        }
        String renegotiation = config.getString("tls_renegotiation_method", "never");
        if (!renegotiation.isEmpty() && !renegotiation.equals("never")) {
            throw config.invalid("tls_renegotiation_method", "only \"never\" is supported, not \"" + renegotiation + "\"");
        }
        if (!config.getBoolean("tls_enable", true)) {
            throw config.invalid("tls_enable", "cannot switch TLS off; the URL scheme (http or https) decides");
        }
    }

    private static List<TlsVersion> versions(PluginConfig config) {
        String min = config.getString("tls_min_version", "TLS12");
        String max = config.getString("tls_max_version", "TLS13");
        int from = VERSION_NAMES.indexOf(min.isEmpty() ? "TLS12" : min);
        int to = VERSION_NAMES.indexOf(max.isEmpty() ? "TLS13" : max);
        if (from < 0) {
            throw config.invalid("tls_min_version", "must be one of " + VERSION_NAMES + ", not \"" + min + "\"");
        }
        if (to < 0) {
            throw config.invalid("tls_max_version", "must be one of " + VERSION_NAMES + ", not \"" + max + "\"");
        }
        if (to < from) {
            throw config.invalid("tls_max_version", "is lower than tls_min_version");
        }
        return new ArrayList<>(VERSIONS.subList(from, to + 1));
    }

    private static X509TrustManager trustManager(PluginConfig config, String ca) throws GeneralSecurityException {
        KeyStore store = null;
        if (!ca.isEmpty()) {
            List<X509Certificate> certificates;
            try {
                certificates = PemFiles.certificates(Path.of(ca));
            } catch (IllegalArgumentException e) {
                throw config.invalid("tls_ca", e.getMessage());
            }
            store = emptyKeyStore();
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca" + i, certificates.get(i));
            }
        }
        // With tls_ca only those authorities are trusted (Go's RootCAs); otherwise the JDK's.
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager available"));
    }

    private static KeyManager[] keyManagers(PluginConfig config, String cert, String key) throws GeneralSecurityException {
        List<X509Certificate> chain;
        PrivateKey privateKey;
        try {
            chain = PemFiles.certificates(Path.of(cert));
        } catch (IllegalArgumentException e) {
            throw config.invalid("tls_cert", e.getMessage());
        }
        try {
            privateKey = PemFiles.privateKey(Path.of(key));
        } catch (IllegalArgumentException e) {
            throw config.invalid("tls_key", e.getMessage());
        }
        KeyStore store = emptyKeyStore();
        char[] password = new char[0];
        store.setKeyEntry("client", privateKey, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static void checkCipherSuites(PluginConfig config, SSLContext context, List<String> wanted) {
        Set<String> supported = new HashSet<>(Arrays.asList(context.getSupportedSSLParameters().getCipherSuites()));
        for (String suite : wanted) {
            if (!supported.contains(suite)) {
                throw config.invalid("tls_cipher_suites", "cipher suite \"" + suite + "\" is not supported by this Java runtime");
            }
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        return store;
    }
}
