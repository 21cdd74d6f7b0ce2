package org.moim.command.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.moim.command.control.CommandCaller.Answer;

class CommandCallerTest {

    private static Answer parse(String body) {
        return CommandCaller.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerIsAJsonObjectWithTextAndAResponseTypeThatDefaultsToEphemeral() {
        assertThat(parse("{\"response_type\":\"in_channel\",\"text\":\"hi\"}")).isEqualTo(new Answer(Answer.Kind.ANSWERED, "in_channel", "hi", null));
        assertThat(parse("{\"text\":\"just you\"}")).isEqualTo(new Answer(Answer.Kind.ANSWERED, "ephemeral", "just you", null));
        assertThat(parse("  ").kind()).isEqualTo(Answer.Kind.ACKNOWLEDGED);
    }

    @Test
    void anythingElseIsAnInvalidAnswer() {
        for (String garbage : new String[] {"<html>", "[1]", "\"text\"", "{\"text\":\"\"}", "{\"text\":3}", "{\"response_type\":\"loud\",\"text\":\"x\"}",
                "{\"response_type\":1,\"text\":\"x\"}", "{\"text\":\"x\"", "{\"text\":\"x\"} trailing"}) {
            assertThat(parse(garbage).kind()).as(garbage).isEqualTo(Answer.Kind.INVALID_ANSWER);
        }
        assertThat(CommandCaller.parse(new byte[CommandCaller.MAX_ANSWER_BYTES + 1]).kind()).isEqualTo(Answer.Kind.INVALID_ANSWER);
    }

    @Test
    void theRequestCarriesSlacksFieldNamesFormEncoded() {
        CommandCalls.Call call = new CommandCalls.Call("c1", "weather", "https://x", "whsec_x", "p1", "w1", "ch1", null, "a1", "Kim Minji",
                "Seoul & Busan", "r1");
        assertThat(CommandCaller.form(call)).isEqualTo("command=%2Fweather&text=Seoul+%26+Busan&command_id=c1&workspace_id=w1&channel_id=ch1"
                + "&channel_name=&user_id=a1&user_name=Kim+Minji&response_id=r1");
        assertThat(Commands.word(" /Weather ")).isEqualTo("weather");
    }
}
