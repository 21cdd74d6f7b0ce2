package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.moim.file.control.FileAction;
import org.moim.file.control.FilePolicy;
import org.moim.file.entity.StoredFile;
import org.moim.gallery.entity.PictureComment;
import org.moim.platform.problem.NotFound;

/**
 * Who may do what in the gallery, decided by the file feature's one rule: a picture is seen by
 * whoever {@link FilePolicy} lets see the file (anyone else, someone else's workspace, a deleted
 * file and a file that is no image: 404). Whoever sees a picture may comment and react; a comment
 * is deleted by its author or by a role that may {@link FileAction#MANAGE_OTHERS_FILES}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GalleryPolicy {

    @Inject
    FilePolicy files;

    @Inject
    PictureAudience audience;

    /** The picture, if the account may see it. */
    public StoredFile picture(String fileId, String accountId) {
        StoredFile file;
        try {
            file = files.require(fileId, accountId, FilePolicy.Use.SEE);
        } catch (NotFound e) {
            throw notFound();
        }
        if (!isPicture(file)) {
            throw notFound();
        }
        return file;
    }

    public void requireMayDelete(StoredFile picture, PictureComment comment, String accountId) {
        if (!comment.isWrittenBy(accountId)) {
            files.require(picture.workspaceId(), accountId, FileAction.MANAGE_OTHERS_FILES);
        }
    }

    /**
     * Those among {@code accountIds} who may see the picture: one question to the file rule per
     * person ({@link PictureAudience}), bounded by {@link GalleryLimits#MAX_MENTIONS}.
     */
    public Set<String> seers(StoredFile picture, Collection<String> accountIds) {
        Set<String> seers = new LinkedHashSet<>();
        for (String accountId : accountIds) {
            if (audience.sees(picture.id(), accountId)) {
                seers.add(accountId);
            }
        }
        return seers;
    }

    public static boolean isPicture(StoredFile file) {
        return file.contentType().startsWith("image/");
    }

    static NotFound notFound() {
        return new NotFound("The picture");
    }
}
