package org.moim.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;

class WebhooksTest {

    @Test
    void eventTypesAreKnownOnesOrEverything() {
        assertThat(Webhooks.eventTypes(List.of("member.left", "member.joined", "member.left"))).containsExactly("member.left", "member.joined");
        assertThat(Webhooks.eventTypes(List.of("member.left", "*"))).containsExactly("*");
        assertThatThrownBy(() -> Webhooks.eventTypes(List.of())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> Webhooks.eventTypes(Arrays.asList("member.left", null))).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> Webhooks.eventTypes(List.of("webhook.test"))).as("test events are not subscribed to")
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> Webhooks.eventTypes(List.of("Member.Joined"))).isInstanceOf(InvalidField.class);
    }
}
