package org.moim.file.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRangesAreServed() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 99)));
        assertThat(ByteRange.of("bytes=900-", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=900-5000", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 999)));
        assertThat(ByteRange.of("BYTES=5-5", 1000)).isEqualTo(new ByteRange.Partial(new ByteRange(5, 5)));
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=5000-6000", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatCannotBeServedAsOneRangeIsIgnored() {
        for (String header : new String[] {null, "bytes=0-1,5-6", "items=0-1", "bytes=5-1", "bytes=a-b", "bytes=", "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.of(header, 1000)).as(header).isInstanceOf(ByteRange.Whole.class);
        }
    }
}
