package org.moim.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.ProblemException;

class SlackMessagesTest {

    private static SlackMessages.Converted convert(String json) {
        return SlackMessages.convert(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String fieldOf(String json) {
        try {
            convert(json);
        } catch (ProblemException e) {
            return e.errors().get(0).field();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void mrkdwnBecomesMoimMarkdown() {
        assertThat(SlackMessages.mrkdwn("*bold* _it_ ~gone~ a*b*c 2 * 3 * 4")).isEqualTo("**bold** _it_ ~~gone~~ a*b*c 2 * 3 * 4");
        assertThat(SlackMessages.mrkdwn("<https://x.example/a?b=1&amp;c=2|the (x)> <https://y.example>"))
                .isEqualTo("[the (x)](https://x.example/a?b=1&c=2) https://y.example");
        assertThat(SlackMessages.mrkdwn("<!here> <!channel> <!everyone> <@U1> <@U2|ben> <#C1|ops> <!date^1|Jan 1> <!subteam^S1|@devs>"))
                .isEqualTo("@here @channel @everyone @U1 @ben #ops Jan 1 @devs");
        assertThat(SlackMessages.mrkdwn("`*code*` and ```\n*block*\n``` but *this*")).isEqualTo("`*code*` and ```\n*block*\n``` but **this**");
        assertThat(SlackMessages.mrkdwn("1 &lt; 2 &amp;&amp; 3 &gt; 2")).isEqualTo("1 < 2 && 3 > 2");
    }

    @Test
    void blocksWinOverTextAndAttachmentsFollow() {
        SlackMessages.Converted converted = convert("""
                {"text": "fallback", "username": " Nightly ", "blocks": [{"type": "section", "text": {"type": "plain_text", "text": "*as typed*"}}],
                 "attachments": [{"fallback": "fb", "text": "body"}]}""");
        assertThat(converted.text()).isEqualTo("*as typed*\n\nbody");
        assertThat(converted.username()).isEqualTo("Nightly");
        assertThat(convert("{\"text\": \"hi\", \"blocks\": [{\"type\": \"image\"}]}").text()).isEqualTo("hi");
        assertThat(convert("{\"attachments\": [{\"fallback\": \"only\"}]}").text()).isEqualTo("only");
    }

    @Test
    void whatCannotBeReadNamesItsField() {
        assertThat(fieldOf("")).isEqualTo("body");
        assertThat(fieldOf("[1]")).isEqualTo("body");
        assertThat(fieldOf("{\"text\": \"a\"} x")).isEqualTo("body");
        assertThat(fieldOf("{}")).isEqualTo("text");
        assertThat(fieldOf("{\"text\": \"  \"}")).isEqualTo("text");
        assertThat(fieldOf("{\"text\": true}")).isEqualTo("text");
        assertThat(fieldOf("{\"text\": \"a\", \"username\": 3}")).isEqualTo("username");
        assertThat(fieldOf("{\"text\": \"a\", \"icon_url\": \"javascript:alert(1)\"}")).isEqualTo("icon_url");
        assertThat(fieldOf("{\"blocks\": {}}")).isEqualTo("blocks");
        assertThat(fieldOf("{\"blocks\": [{\"text\": {\"text\": \"a\"}}]}")).isEqualTo("blocks[0].type");
        assertThat(fieldOf("{\"attachments\": [{\"fields\": [{\"title\": 1}]}]}")).isEqualTo("attachments[0].fields[0].title");
        assertThatThrownBy(() -> SlackMessages.convert(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '"', '}'}))
                .isInstanceOf(ProblemException.class);
    }
}
