package org.moim.call.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Set;
import org.moim.call.entity.CallChannel;
import org.moim.chat.control.ChatAction;
import org.moim.chat.control.ChatPolicy;
import org.moim.chat.entity.Channel;

/**
 * Where calls take place, and who may see them: chat's channels (a board's channel, a direct
 * conversation), as {@link ChatPolicy} decides. Whoever may read a channel may start, join and
 * see its calls; everybody else gets 404. Every signaling frame asks again, so someone who lost
 * access to a channel is out of its calls at their next frame (and the sweep removes them).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CallChannels {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy chat;

    /** The channel, when the account may see it now; otherwise 404 as if it did not exist. */
    public CallChannel require(String channelId, String accountId) {
        return view(chat.require(channelId, accountId, ChatAction.READ).channel());
    }

    /** The accounts that may see the channel now (none when it is gone). */
    public Set<String> members(String channelId) {
        Channel channel = channelId == null ? null : em.find(Channel.class, channelId);
        return channel == null ? Set.of() : chat.readers(channel);
    }

    private static CallChannel view(Channel channel) {
        return new CallChannel(channel.id(), channel.kind().name().toLowerCase(Locale.ROOT), channel.workspaceId());
    }
}
