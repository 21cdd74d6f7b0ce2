package org.moim.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class WebhookAddressesTest {

    private static String refusal(String address, boolean allowPrivate) throws Exception {
        return WebhookAddresses.refusal(InetAddress.getByName(address), allowPrivate);
    }

    @Test
    void byDefaultLoopbackPrivateAndLinkLocalAddressesAreRefused() throws Exception {
        for (String address : new String[] {"127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "fc00::1", "fd12:3456::1", "169.254.169.254", "fe80::1", "0.0.0.0", "::", "224.0.0.1",
            "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
            assertThat(refusal(address, false)).as(address).isNotNull().contains("(");
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111"}) {
            assertThat(refusal(address, false)).as(address).isNull();
        }
    }

    @Test
    void allowingPrivateNetworksAllowsLoopbackAndPrivateButNeverLinkLocalOrNonHosts() throws Exception {
        for (String address : new String[] {"127.0.0.1", "::1", "10.1.2.3", "192.168.1.1", "fd00::1", "100.64.0.1"}) {
            assertThat(refusal(address, true)).as(address).isNull();
        }
        for (String address : new String[] {"169.254.169.254", "fe80::1", "0.0.0.0", "0.1.2.3", "::", "239.1.1.1", "255.255.255.255"}) {
            assertThat(refusal(address, true)).as(address).isNotNull();
        }
    }

    @Test
    void aRefusedHostSaysWhyAndNamesTheSwitchWhenItWouldHelp() {
        WebhookAddresses addresses = new WebhookAddresses();
        assertThatThrownBy(() -> addresses.resolve(URI.create("http://127.0.0.1:8080/hook")))
                .isInstanceOf(WebhookAddressRefused.class)
                .hasMessageContaining("127.0.0.1 is a loopback address").hasMessageContaining("moim.webhooks.allow-private-networks");
        assertThatThrownBy(() -> addresses.resolve(URI.create("http://[fe80::1]/")))
                .isInstanceOf(WebhookAddressRefused.class).hasMessageContaining("link-local")
                .hasMessageNotContaining("allow-private-networks");
        addresses.allowPrivateNetworks = true;
        assertThatThrownBy(() -> addresses.resolve(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(WebhookAddressRefused.class);
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentialsAreWebhookUrls() {
        WebhookAddresses addresses = new WebhookAddresses();
        assertThat(addresses.parse(" https://example.com/hooks?x=1 ")).isEqualTo(URI.create("https://example.com/hooks?x=1"));
        assertThat(addresses.parse("HTTP://example.com:8080/")).hasHost("example.com").hasPort(8080);
        for (String url : new String[] {null, "", "example.com/hook", "ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)",
            "http://user:secret@example.com/", "http:///path", "https://example.com/#fragment", "http://exa mple.com/",
            "https://example.com/" + "x".repeat(2000)}) {
            assertThatThrownBy(() -> addresses.parse(url)).as(String.valueOf(url)).isInstanceOf(InvalidField.class);
        }
    }
}
