package org.moim.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.audit.control.AuditCsv;
import org.moim.audit.control.AuditEntries;
import org.moim.audit.entity.AuditEntry;
import org.moim.platform.persistence.Page;

/**
 * The audit log as CSV, written while it is read: a page of entries per short transaction, so an
 * export of many entries holds neither a long transaction nor the whole file in memory. At most
 * {@code moim.admin.audit-export.max-rows} rows, newest first.
 */
@ApplicationScoped
public class AuditExport {

    static final int PAGE = 500;

    @Inject
    AuditEntries entries;

    @Inject
    @ConfigProperty(name = "moim.admin.audit-export.max-rows", defaultValue = "100000")
    int maxRows;

    @Inject
    AuditExport self;   // each page through the proxy: a transaction of its own

    public void write(AuditEntries.Filter filter, OutputStream out) {
        try {
            out.write(AuditCsv.HEADER.getBytes(StandardCharsets.UTF_8));
            String cursor = null;
            int written = 0;
            do {
                Page<AuditEntry> page = self.page(filter, cursor, Math.min(PAGE, maxRows - written));
                StringBuilder rows = new StringBuilder();
                page.items().forEach(entry -> rows.append(AuditCsv.row(entry)));
                out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                written += page.items().size();
                cursor = page.nextCursor();
            } while (cursor != null && written < maxRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Page<AuditEntry> page(AuditEntries.Filter filter, String cursor, int limit) {
        return entries.page(filter, cursor, limit);
    }
}
