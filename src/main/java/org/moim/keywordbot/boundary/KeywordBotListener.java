package org.moim.keywordbot.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.chat.entity.MessagePosted;
import org.moim.keywordbot.control.KeywordAnswers;

/**
 * Hears every message after its transaction committed (never inside the poster's) and hands the
 * ones the bot looks at to {@link KeywordAnswers} in the background, so the poster never waits for
 * the bot; a message no rule matches costs no database work there.
 */
@ApplicationScoped
public class KeywordBotListener {

    private static final Logger LOG = Logger.getLogger(KeywordBotListener.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    KeywordAnswers answers;

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
        if (!KeywordAnswers.heard(event.channel(), event.message())) {
            return;
        }
        executor.execute(() -> {
            try {
                var rule = answers.match(event.channel(), event.message());
                if (rule != null) {
                    answers.answer(event.channel(), event.message(), rule);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The keyword bot could not answer message " + event.message().id(), e);
            }
        });
    }
}
