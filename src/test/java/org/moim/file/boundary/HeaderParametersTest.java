package org.moim.file.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderParametersTest {

    @Test
    void readsQuotedPlainAndExtendedParameters() {
        var p = HeaderParameters.parse("form-data; name=\"file\"; filename=\"a \\\"b\\\".txt\"; size=12");
        assertThat(p).containsEntry("name", "file").containsEntry("filename", "a \"b\".txt").containsEntry("size", "12");
    }

    @Test
    void anExtendedFilenameWins() {
        var p = HeaderParameters.parse("attachment; filename=\"fallback.txt\"; filename*=UTF-8''%ED%95%9C%EA%B8%80.txt");
        assertThat(p).containsEntry("filename", "한글.txt");
    }

    @Test
    void aBrokenExtendedValueIsIgnored() {
        var p = HeaderParameters.parse("attachment; filename=\"plain.txt\"; filename*=UTF-8''%E");
        assertThat(p).containsEntry("filename", "plain.txt");
        assertThat(HeaderParameters.decodeExtended("KOI8-R''%C1")).isNull();
    }
}
