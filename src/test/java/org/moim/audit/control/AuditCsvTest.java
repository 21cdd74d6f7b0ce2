package org.moim.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.moim.audit.entity.AuditAction;
import org.moim.audit.entity.AuditEntry;

class AuditCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasStartWithAnApostrophe() {
        assertThat(AuditCsv.cell("=1+2")).isEqualTo("\"'=1+2\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditCsv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(AuditCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(AuditCsv.cell("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void quotesAreDoubledAndEmptyValuesStayEmpty() {
        assertThat(AuditCsv.cell("say \"hi\", then\nleave")).isEqualTo("\"say \"\"hi\"\", then\nleave\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("")).isEqualTo("\"\"");
    }

    @Test
    void aRowHasEveryColumnInTheHeadersOrder() {
        AuditEntry entry = new AuditEntry(Instant.parse("2026-12-07T08:00:00.123456Z"), AuditAction.SIGN_IN_FAILED, null,
                "=cmd@example.com", "subject", "10.0.0.1", "password");
        assertThat(AuditCsv.row(entry))
                .isEqualTo("\"2026-12-07T08:00:00.123456Z\",\"SIGN_IN_FAILED\",,\"'=cmd@example.com\",\"subject\",\"10.0.0.1\",\"password\"\r\n");
        assertThat(AuditCsv.HEADER).startsWith("\"occurredAt\",\"action\"");
    }
}
