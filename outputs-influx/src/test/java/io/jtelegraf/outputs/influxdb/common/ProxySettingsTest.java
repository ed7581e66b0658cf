package io.jtelegraf.outputs.influxdb.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    private static final Map<String, String> ENV = Map.of("HTTP_PROXY", "http://user:pw-secret@proxy:3128",
            "https_proxy", "proxy-s:8443", "NO_PROXY", "internal.example, .corp,10.1.2.3");

    @Test
    void environmentProxiesFollowGoRules() {
        ProxySettings proxy = ProxySettings.of("", ENV);
        assertThat(proxy.proxyFor(HttpUrl.get("http://influx.example:8086/"))).hasToString("http://user:pw-secret@proxy:3128/");
        assertThat(proxy.proxyFor(HttpUrl.get("https://influx.example:8086/"))).hasToString("http://proxy-s:8443/");
        assertThat(proxy.proxyFor(HttpUrl.get("http://internal.example/"))).isNull();
        assertThat(proxy.proxyFor(HttpUrl.get("http://db.corp/"))).isNull();
        assertThat(proxy.proxyFor(HttpUrl.get("http://10.1.2.3/"))).isNull();
        assertThat(proxy.proxyFor(HttpUrl.get("http://127.0.0.1:8086/"))).as("loopback never proxied").isNull();
        assertThat(proxy.proxyFor(HttpUrl.get("http://localhost:8086/"))).isNull();
        assertThat(proxy.secrets()).contains("pw-secret");
    }

    @Test
    void configuredProxyWinsForEveryHost() {
        ProxySettings proxy = ProxySettings.of("http://relay:8080", ENV);
        assertThat(proxy.proxyFor(HttpUrl.get("http://127.0.0.1:8086/"))).hasToString("http://relay:8080/");
    }

    @Test
    void nonHttpProxyIsAnErrorWithoutThePassword() {
        assertThatThrownBy(() -> ProxySettings.of("https://u:pw-secret@relay:8443", Map.of()))
                .hasMessageContaining("http_proxy").hasMessageNotContaining("pw-secret");
    }
}
