package org.moim.command.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;
import org.moim.chat.control.ChatAction;
import org.moim.chat.control.ChatPolicy;
import org.moim.chat.control.Posting;
import org.moim.chat.entity.Channel;
import org.moim.command.entity.Command;
import org.moim.identity.control.AccountStore;

/**
 * The two short transactions around a command's call (the call itself holds none): finding the
 * command for someone who may post in the channel, and posting its in-channel answer.
 */
@ApplicationScoped
public class CommandCalls {

    @Inject
    ChatPolicy chat;

    @Inject
    Commands commands;

    @Inject
    AccountStore accounts;

    @Inject
    Posting posting;

    /**
     * What the integrator is told. {@code commandId} is null when the workspace has no such command
     * (the other fields then only name the caller and the channel).
     */
    public record Call(String commandId, String word, String url, String secret, String posterId, String workspaceId,
                       String channelId, String channelName, String callerId, String callerName, String text, String responseId) {
        public boolean known() {
            return commandId != null;
        }
    }

    /**
     * The call to make: the caller must be allowed to post in the channel (404, 403, archived as
     * for posting a message); {@code word} is looked up in the channel's workspace.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Call prepare(String channelId, String callerId, String word, String text) {
        Channel channel = chat.require(channelId, callerId, ChatAction.POST).channel();
        String callerName = accounts.byId(callerId).displayName();
        Command command = word == null ? null : commands.find(channel.workspaceId(), word);
        String responseId = UUID.randomUUID().toString();
        if (command == null) {
            return new Call(null, word, null, null, null, channel.workspaceId(), channel.id(), channel.name(), callerId, callerName, text,
                    responseId);
        }
        return new Call(command.id(), command.word(), command.url(), command.secret(), command.posterId(), channel.workspaceId(),
                channel.id(), channel.name(), callerId, callerName, text, responseId);
    }

    /** Posts an in-channel answer as the command's bot, through the same path as any message. */
    @Transactional(TxType.REQUIRES_NEW)
    public Posting.Posted post(Call call, String text) {
        return posting.postFor(call.callerId(), new Posting.Draft(call.channelId(), call.posterId(), text, List.of(), null, null,
                List.of(), true));
    }
}
