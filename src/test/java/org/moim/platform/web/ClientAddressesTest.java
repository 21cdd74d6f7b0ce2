package org.moim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void ipv6IsShownInItsShortForm() {
        assertThat(ClientAddresses.compact("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(ClientAddresses.compact("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(ClientAddresses.compact("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(ClientAddresses.compact("fe80:0:0:0:1:0:0:0")).isEqualTo("fe80::1:0:0:0");
        assertThat(ClientAddresses.compact("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }

    @Test
    void ipv4AndShortFormsStayAsTheyAre() {
        assertThat(ClientAddresses.compact("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(ClientAddresses.compact("::1")).isEqualTo("::1");
        assertThat(ClientAddresses.compact(null)).isNull();
    }
}
