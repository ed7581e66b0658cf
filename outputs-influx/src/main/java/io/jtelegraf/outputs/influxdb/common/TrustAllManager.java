package io.jtelegraf.outputs.influxdb.common;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server certificate: {@code insecure_skip_verify = true}. Extended variant so the
 * JDK does not add its own checks around it.
 */
final class TrustAllManager extends X509ExtendedTrustManager {
    static final TrustAllManager INSTANCE = new TrustAllManager();

    private TrustAllManager() {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Client side only: never asked.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Verification is switched off on purpose by insecure_skip_verify.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Client side only: never asked.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Verification is switched off on purpose by insecure_skip_verify.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Client side only: never asked.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Verification is switched off on purpose by insecure_skip_verify.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
