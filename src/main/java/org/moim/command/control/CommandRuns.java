package org.moim.command.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.chat.control.Posting;
import org.moim.chat.entity.Message;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.security.RateLimiter;

/**
 * Running "/word text" typed in a channel: find the command (a short transaction), call its URL
 * (no transaction, at most {@code moim.commands.timeout}), then either post its in-channel answer
 * in the channel (a second short transaction, the path of any message) or hand its ephemeral
 * answer back to the caller alone. Whatever goes wrong with the integrator (no answer in time,
 * an error status, an answer that is not the expected JSON) comes back to the caller only, and
 * nothing is posted.
 */
@ApplicationScoped
public class CommandRuns {

    @Inject
    CommandCalls calls;

    @Inject
    CommandCaller caller;

    @Inject
    RateLimiter limiter;

    /** Calls to integrators one person may cause per window (each command typed is one). */
    @Inject
    @ConfigProperty(name = "moim.commands.rate-limit.requests", defaultValue = "30")
    int callsPerWindow;

    @Inject
    @ConfigProperty(name = "moim.commands.rate-limit.window", defaultValue = "PT1M")
    Duration window;

    /** What became of the command. */
    public enum Outcome {
        /** Its in-channel answer is posted: {@code messageId}. */
        POSTED,
        /** Its answer is for the caller only: {@code text}. */
        EPHEMERAL,
        /** It answered with an empty body: nothing to show. */
        ACKNOWLEDGED,
        UNKNOWN_COMMAND,
        TIMED_OUT,
        FAILED,
        INVALID_ANSWER
    }

    public record Result(String command, String responseId, Outcome outcome, String text, String messageId, Long sequence) {
    }

    public Result run(String channelId, String callerId, String typed) {
        if (typed == null || !typed.startsWith("/") || typed.startsWith("//")) {
            throw new InvalidField("text", "must start with \"/\" and a command's word (\"//\" is posted as a message)");
        }
        String rest = typed.substring(1);
        int space = indexOfWhitespace(rest);
        String typedWord = space < 0 ? rest : rest.substring(0, space);
        String args = space < 0 ? "" : rest.substring(space).strip();
        String word = typedWord.toLowerCase(java.util.Locale.ROOT);
        CommandCalls.Call call = calls.prepare(channelId, callerId, Commands.WORD.matcher(word).matches() ? word : null, args);
        if (!call.known()) {
            return new Result("/" + typedWord, call.responseId(), Outcome.UNKNOWN_COMMAND,
                    "There is no /" + typedWord + " command in this workspace. Start with // to post text that begins with /.", null, null);
        }
        String command = "/" + call.word();
        // Every known command typed is a call to someone else's server: one person's typing (or
        // script) must not turn Moim into a flood against it. 429 with Retry-After beyond it.
        limiter.acquire(new RateLimiter.Limit("command-calls", callsPerWindow, window), callerId);
        CommandCaller.Answer answer = caller.call(call);
        return switch (answer.kind()) {
            case ACKNOWLEDGED -> new Result(command, call.responseId(), Outcome.ACKNOWLEDGED, null, null, null);
            case TIMED_OUT -> failed(command, call, Outcome.TIMED_OUT, command + " did not answer in time. " + answer.error() + ".");
            case FAILED -> failed(command, call, Outcome.FAILED, command + " failed. " + answer.error() + ".");
            case INVALID_ANSWER -> failed(command, call, Outcome.INVALID_ANSWER, command + " answered something Moim cannot show. "
                    + answer.error() + ".");
            case ANSWERED -> answered(command, call, answer);
        };
    }

    private Result answered(String command, CommandCalls.Call call, CommandCaller.Answer answer) {
        if (!Message.fits(answer.text())) {
            return failed(command, call, Outcome.INVALID_ANSWER, command + " answered a text longer than a message may be.");
        }
        if (answer.responseType().equals("ephemeral")) {
            return new Result(command, call.responseId(), Outcome.EPHEMERAL, answer.text(), null, null);
        }
        Posting.Posted posted = calls.post(call, answer.text());
        return new Result(command, call.responseId(), Outcome.POSTED, answer.text(), posted.message().id(), posted.message().sequence());
    }

    private static Result failed(String command, CommandCalls.Call call, Outcome outcome, String text) {
        return new Result(command, call.responseId(), outcome, text, null, null);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
