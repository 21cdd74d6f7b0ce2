package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.InvalidField;

/** One rule for every feature's frame members: absent or null is not given; given is of its type and, for a string, not blank. */
class FrameFieldsTest {

    private static ClientFrame.Feature frame(String members) {
        ClientFrame parsed = ClientFrame.parse("{\"type\":\"x\",\"id\":\"1\"" + (members.isEmpty() ? "" : "," + members) + "}", Set.of("x"));
        assertThat(parsed).isInstanceOf(ClientFrame.Feature.class);
        return (ClientFrame.Feature) parsed;
    }

    private static void refused(Runnable read, String field, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidField.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError(field, message)));
    }

    @Test
    void aStringIsGivenOnlyAsANonBlankString() {
        assertThat(frame("\"channelId\":\"c1\"").string("channelId")).isEqualTo("c1");
        assertThat(frame("").string("channelId")).isNull();
        assertThat(frame("\"channelId\":null").string("channelId")).isNull();
        refused(() -> frame("\"channelId\":\"\"").string("channelId"), "channelId", "must not be blank");
        refused(() -> frame("\"channelId\":\" \\t\"").string("channelId"), "channelId", "must not be blank");
        refused(() -> frame("\"channelId\":7").string("channelId"), "channelId", "must be a string");
        refused(() -> frame("\"channelId\":{}").string("channelId"), "channelId", "must be a string");
    }

    @Test
    void aRequiredStringMustBeGiven() {
        assertThat(frame("\"callId\":\"k\"").required("callId")).isEqualTo("k");
        refused(() -> frame("").required("callId"), "callId", "is required (a string)");
        refused(() -> frame("\"callId\":null").required("callId"), "callId", "is required (a string)");
        refused(() -> frame("\"callId\":\"  \"").required("callId"), "callId", "must not be blank");
        refused(() -> frame("\"callId\":false").required("callId"), "callId", "must be a string");
    }

    @Test
    void stringsAreAnArrayOfNonBlankStrings() {
        assertThat(frame("\"mentions\":[\"a\",\"b\"]").strings("mentions", "account ids")).containsExactly("a", "b");
        assertThat(frame("").strings("mentions", "account ids")).isEmpty();
        assertThat(frame("\"mentions\":null").strings("mentions", "account ids")).isEmpty();
        refused(() -> frame("\"mentions\":\"a\"").strings("mentions", "account ids"), "mentions", "must be an array of account ids");
        refused(() -> frame("\"mentions\":[\"a\",1]").strings("mentions", "account ids"), "mentions", "must be an array of account ids");
        refused(() -> frame("\"attachments\":[\"\"]").strings("attachments", "file ids"), "attachments", "must be an array of file ids");
    }

    @Test
    void aNumberIsAWholeNumberZeroOrMore() {
        assertThat(frame("\"after\":41").number("after")).contains(41L);
        assertThat(frame("\"after\":0").number("after")).contains(0L);
        assertThat(frame("").number("after")).isEqualTo(Optional.empty());
        assertThat(frame("\"after\":null").number("after")).isEmpty();
        for (String bad : List.of("-1", "1.5", "\"3\"", "true", "99999999999999999999")) {
            refused(() -> frame("\"after\":" + bad).number("after"), "after", "must be a whole number, 0 or more");
        }
    }

    @Test
    void aFlagIsTrueOrFalseNothingElse() {
        assertThat(frame("\"mic\":true").flag("mic")).isTrue();
        assertThat(frame("\"mic\":false").flag("mic")).isFalse();
        refused(() -> frame("").flag("mic"), "mic", "must be true or false");
        assertThat(frame("").flag("add", true)).isTrue();
        assertThat(frame("\"add\":null").flag("add", true)).isTrue();
        assertThat(frame("\"add\":false").flag("add", true)).isFalse();
        // Before one reader, chat took anything but false as true: "no" added a reaction.
        refused(() -> frame("\"add\":\"no\"").flag("add", true), "add", "must be true or false");
        refused(() -> frame("\"add\":0").flag("add", true), "add", "must be true or false");
    }

    @Test
    void theGatewaysOwnMembersFollowTheSameRule() {
        assertThat(ClientFrame.parse("{\"type\":\"authenticate\",\"id\":\"a\",\"ticket\":\" \"}"))
                .isInstanceOfSatisfying(ClientFrame.MalformedFrame.class, m -> {
                    assertThat(m.id()).isEqualTo("a");
                    assertThat(m.reason()).isEqualTo("'authenticate': 'ticket' must not be blank.");
                });
        assertThat(ClientFrame.parse("{\"type\":\"authenticate\",\"ticket\":7}"))
                .isInstanceOfSatisfying(ClientFrame.MalformedFrame.class, m -> assertThat(m.reason()).contains("'ticket' must be a string"));
        assertThat(ClientFrame.parse("{\"type\":\"ping\",\"id\":\"\"}"))
                .isInstanceOfSatisfying(ClientFrame.MalformedFrame.class, m -> assertThat(m.reason()).isEqualTo("'id' must not be blank."));
        assertThat(ClientFrame.parse("{\"type\":\"\"}"))
                .isInstanceOfSatisfying(ClientFrame.MalformedFrame.class, m -> assertThat(m.reason()).isEqualTo("'type' must not be blank."));
        assertThat(ClientFrame.parse("{\"type\":\"ping\",\"id\":\"p\"}")).isEqualTo(new ClientFrame.Ping("p"));
    }
}
