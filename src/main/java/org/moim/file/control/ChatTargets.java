package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.moim.chat.control.ChatAction;
import org.moim.chat.control.ChatPolicy;
import org.moim.chat.entity.Message;
import org.moim.file.entity.AttachmentTarget;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;

/**
 * Files in chat: {@code channel:<id>} and {@code message:<id>}, both in the scope of their
 * channel. Who sees them is whoever {@link ChatPolicy} lets read the channel (the members of a
 * direct conversation; the readers of a board channel's board). No role sees every channel
 * (direct conversations are private), so the workspace's file list shows channel files to their
 * uploader only, and to the channel's readers when asked with {@code ?target=}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatTargets implements AttachmentTargetType {

    static final String CHANNEL = "channel";
    static final String MESSAGE = "message";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy chat;

    @Override
    public Set<String> kinds() {
        return Set.of(CHANNEL, MESSAGE);
    }

    @Override
    public AttachmentTarget scopeOf(String workspaceId, AttachmentTarget target, String accountId) {
        String channelId = target.id();
        if (target.kind().equals(MESSAGE)) {
            Message message = target.id().length() > 36 ? null : em.find(Message.class, target.id());
            if (message == null || message.isDeleted()) {
                throw new NotFound("The message");
            }
            channelId = message.channelId();
        }
        AttachmentTarget scope = new AttachmentTarget(CHANNEL, channelId);
        if (!canSee(workspaceId, scope, accountId)) {
            throw new NotFound("The " + target.kind());
        }
        return scope;
    }

    @Override
    public boolean canSee(String workspaceId, AttachmentTarget scope, String accountId) {
        try {
            return chat.require(scope.id(), accountId, ChatAction.READ).channel().workspaceId().equals(workspaceId);
        } catch (NotFound | Forbidden e) {
            return false;
        }
    }

    @Override
    public boolean everyMemberSees(String scopeKind) {
        return false;
    }
}
