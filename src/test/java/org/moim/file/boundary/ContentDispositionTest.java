package org.moim.file.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void unicodeNamesTravelAsFilenameStar() {
        assertThat(ContentDisposition.of(false, "회의록 1.pdf"))
                .isEqualTo("attachment; filename=\"___ 1.pdf\"; filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D%201.pdf");
    }

    @Test
    void nothingInANameCanEndTheHeader() {
        String header = ContentDisposition.of(true, "evil\r\nSet-Cookie: a=b\".html");
        assertThat(header).doesNotContain("\r").doesNotContain("\n");
        assertThat(header).startsWith("inline; filename=\"evilSet-Cookie: a=b_.html\"; filename*=UTF-8''evilSet-Cookie%3A%20a%3Db%22.html");
        assertThat(ContentDisposition.of(false, "\u202Egnp.exe")).contains("filename=\"gnp.exe\"");
        assertThat(ContentDisposition.of(false, "\r\n")).contains("filename=\"download\"");
    }
}
