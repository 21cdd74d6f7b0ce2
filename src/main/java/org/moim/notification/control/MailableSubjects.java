package org.moim.notification.control;

import java.util.Collection;
import java.util.Set;

/**
 * An extension point: the feature that owns a subject type ({@code card}, {@code message}) says
 * which of its subjects a person may still read and has not seen some other way, when a
 * notification mail is composed. Notification mail never names a subject no implementation
 * answers for. Implementations live in the owning feature (which depends on this one, not the
 * other way round).
 */
public interface MailableSubjects {

    /** The subject type answered for, as in {@code Notification.subjectType}. */
    String subjectType();

    /** Those of {@code subjectIds} the account may read right now and has not seen otherwise; a bounded number of queries. */
    Set<String> worthMailing(String accountId, Collection<String> subjectIds);
}
