package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientFrameTest {

    @Test
    void nestingCountsObjectsAndArraysButNotBracketsInStrings() {
        assertThat(ClientFrame.nesting("{\"type\":\"ping\"}")).isEqualTo(1);
        assertThat(ClientFrame.nesting("{\"a\":[{\"b\":[]}],\"c\":{}}")).isEqualTo(4);
        assertThat(ClientFrame.nesting("{\"text\":\"[[[{{{ \\\" [[[\"}")).as("inside a string, escaped quote included").isEqualTo(1);
        assertThat(ClientFrame.nesting("not json")).isZero();
    }

    @Test
    void aFrameNestedDeeperThanTheLimitIsMalformedBeforeItIsParsed() {
        String justDeepEnough = "{\"type\":\"ping\",\"x\":" + "[".repeat(ClientFrame.MAX_DEPTH - 1) + "]".repeat(ClientFrame.MAX_DEPTH - 1) + "}";
        assertThat(ClientFrame.parse(justDeepEnough)).isInstanceOf(ClientFrame.Ping.class);
        String tooDeep = "{\"type\":\"ping\",\"x\":" + "[".repeat(ClientFrame.MAX_DEPTH) + "]".repeat(ClientFrame.MAX_DEPTH) + "}";
        assertThat(ClientFrame.parse(tooDeep)).isInstanceOfSatisfying(ClientFrame.MalformedFrame.class,
                m -> assertThat(m.reason()).contains("nest"));
        assertThat(ClientFrame.parse("[".repeat(5000) + "]".repeat(5000))).isInstanceOf(ClientFrame.MalformedFrame.class);
    }
}
