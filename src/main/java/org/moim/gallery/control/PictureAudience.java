package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.file.control.FilePolicy;
import org.moim.platform.problem.NotFound;

/**
 * Whether someone (not the caller) may see a picture, asked of the file rule. The rule answers
 * "no" by throwing NotFound out of a transactional bean, which marks the transaction it runs in
 * for rollback even when caught; so each question runs in a short transaction of its own and a
 * "no" never undoes the comment being written.
 */
@ApplicationScoped
public class PictureAudience {

    @Inject
    FilePolicy files;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sees(String fileId, String accountId) {
        try {
            files.require(fileId, accountId, FilePolicy.Use.SEE);
            return true;
        } catch (NotFound e) {
            return false;
        }
    }
}
