package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.Message;
import org.moim.platform.problem.InvalidField;

/**
 * Who a message mentions: the client names account ids (the text shows names however it likes);
 * only people who read the channel count, others are dropped, so a mention never tells anyone
 * outside the channel that it exists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Mentions {

    @Inject
    ChatPolicy policy;

    public List<String> readersAmong(Channel channel, List<String> mentioned) {
        if (mentioned == null || mentioned.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>(mentioned);
        wanted.remove(null);
        if (wanted.size() > Message.MAX_MENTIONS) {
            throw new InvalidField("mentions", "must name at most " + Message.MAX_MENTIONS + " people");
        }
        wanted.retainAll(policy.readers(channel));
        return List.copyOf(wanted);
    }
}
