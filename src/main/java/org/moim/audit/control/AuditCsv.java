package org.moim.audit.control;

import java.util.List;
import org.moim.audit.entity.AuditEntry;

/**
 * Audit entries as CSV (RFC 4180), safe to open in a spreadsheet: every cell is quoted, and a
 * cell that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe (OWASP's advice against CSV injection). Email addresses,
 * display names and details are typed by people, so any of them may try.
 */
public final class AuditCsv {

    public static final String HEADER = row(List.of("occurredAt", "action", "actorId", "actorEmail", "subjectId", "address", "detail"));

    private AuditCsv() {
    }

    public static String row(AuditEntry entry) {
        return row(java.util.Arrays.asList(entry.occurredAt().toString(), entry.action().name(), entry.actorId(),
                entry.actorEmail(), entry.subjectId(), entry.address(), entry.detail()));
    }

    static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
