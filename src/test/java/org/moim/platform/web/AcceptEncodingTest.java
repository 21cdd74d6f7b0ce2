package org.moim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Accept-Encoding headers get the gzip bytes of an asset (RFC 9110 §12.5.3). */
class AcceptEncodingTest {

    @Test
    void gzipNamedDecidesAndOtherwiseTheWildcard() {
        assertThat(StaticAssets.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(StaticAssets.acceptsGzip("*;q=0, gzip")).as("gzip named beats a refusing wildcard").isTrue();
        assertThat(StaticAssets.acceptsGzip("GZIP;q=0.5")).isTrue();
        assertThat(StaticAssets.acceptsGzip("*")).isTrue();
        assertThat(StaticAssets.acceptsGzip("gzip;q=0, *")).as("gzip refused by name beats an accepting wildcard").isFalse();
        assertThat(StaticAssets.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(StaticAssets.acceptsGzip("br, *;q=0")).isFalse();
        assertThat(StaticAssets.acceptsGzip("identity")).isFalse();
        assertThat(StaticAssets.acceptsGzip("")).isFalse();
        assertThat(StaticAssets.acceptsGzip(null)).isFalse();
    }
}
