package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.chat.entity.MessageChanged;
import org.moim.chat.entity.MessagePosted;
import org.moim.chat.entity.MessageState;
import org.moim.platform.search.SearchIndex;

/**
 * Keeps the search index in step with messages, inside the transaction that stores them: a new
 * message is indexed, an edited one re-indexed, a deleted one taken out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageIndexing {

    @Inject
    SearchIndex index;

    void posted(@Observes MessagePosted event) {
        index.add(History.INDEX_KIND, event.message().id(), event.message().text());
    }

    void changed(@Observes MessageChanged event) {
        MessageState message = event.message();
        if (message.deleted()) {
            index.remove(History.INDEX_KIND, message.id());
        } else {
            index.replace(History.INDEX_KIND, message.id(), message.text());
        }
    }
}
