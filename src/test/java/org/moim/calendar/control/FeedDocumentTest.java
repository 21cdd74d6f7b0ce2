package org.moim.calendar.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.moim.calendar.ICalendars;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;
import org.moim.identity.entity.Account;
import org.moim.workspace.entity.Workspace;

class FeedDocumentTest {

    private static final Instant NOW = Instant.parse("2025-02-20T08:00:00.123456Z");

    private static CalendarEvent event(String title, String description, String location, EventTime time) {
        Workspace workspace = new Workspace("Team", "", null, NOW);
        Account creator = new Account("a@example.com", "hash", "Kim", Account.Language.KO, java.time.ZoneId.of("Asia/Seoul"), NOW);
        return new CalendarEvent(workspace, creator, title, description, location, time, NOW);
    }

    @Test
    void aFeedWithKoreanTextLongLinesAndSpecialCharactersIsValidRfc5545() throws Exception {
        String longKorean = "분기 회의 안건: 예산, 일정; 인원\\배치 — ".repeat(12);
        CalendarEvent timed = event("회의 Meeting, with; specials\\", longKorean + "\nsecond line\r\nthird\ttabbed",
                "회의실 3, 본관", new EventTime.Timed(Instant.parse("2025-03-04T01:00:00Z"), Instant.parse("2025-03-04T02:30:00Z")));
        CalendarEvent allDay = event("워크숍 🎉 workshop", "", "", new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3)));
        CardEntry card = new CardEntry("c1", "출시 Ship it", null, Instant.parse("2025-03-05T09:00:00Z"), "w1", "b1", "Release 2.0", NOW);

        String ics = FeedDocument.render("Moim · 김지우", List.of(timed, allDay), List.of(card), "https://moim.example.com", true);
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);

        Calendar calendar = ICalendars.valid(bytes);
        assertThat(ICalendars.value(calendar, "PRODID")).isEqualTo(FeedDocument.PRODID);
        assertThat(ICalendars.value(calendar, "VERSION")).isEqualTo("2.0");
        List<VEvent> events = ICalendars.events(calendar);
        assertThat(events).hasSize(3);

        VEvent first = events.get(0);
        assertThat(ICalendars.value(first, "UID")).isEqualTo(timed.id() + "@moim");
        assertThat(ICalendars.value(first, "SUMMARY")).isEqualTo("회의 Meeting, with; specials\\");
        assertThat(ICalendars.value(first, "DESCRIPTION")).isEqualTo((longKorean + "\nsecond line\nthird\ttabbed").strip());
        assertThat(ICalendars.value(first, "LOCATION")).isEqualTo("회의실 3, 본관");
        assertThat(ICalendars.value(first, "DTSTART")).isEqualTo("20250304T010000Z");
        assertThat(ICalendars.value(first, "DTEND")).isEqualTo("20250304T023000Z");
        assertThat(ICalendars.value(first, "DTSTAMP")).isEqualTo("20250220T080000Z");
        assertThat(ICalendars.value(first, "URL")).isEqualTo("https://moim.example.com/#/w/" + timed.workspace().id() + "/calendar?event=" + timed.id());

        VEvent second = events.get(1);
        assertThat(second.getProperty("DTSTART").orElseThrow().toString()).startsWith("DTSTART;VALUE=DATE:20250301");
        assertThat(second.getProperty("DTEND").orElseThrow().toString()).startsWith("DTEND;VALUE=DATE:20250303");
        assertThat(ICalendars.value(second, "SUMMARY")).isEqualTo("워크숍 🎉 workshop");
        assertThat(second.getProperty("DESCRIPTION")).isEmpty();

        VEvent third = events.get(2);
        assertThat(ICalendars.value(third, "UID")).isEqualTo("card-c1@moim");
        assertThat(ICalendars.value(third, "SUMMARY")).isEqualTo("마감: 출시 Ship it");
        assertThat(ICalendars.value(third, "DTSTART")).isEqualTo("20250305T090000Z");
        assertThat(ICalendars.value(third, "URL")).isEqualTo("https://moim.example.com/#/w/w1/boards/b1?card=c1");

        assertThat(ics).contains("\r\n ").as("long lines are folded");
    }

    @Test
    void anEmptyFeedIsStillAValidCalendar() throws Exception {
        String ics = FeedDocument.render("Moim · Kim", List.of(), List.of(), null, false);
        Calendar calendar = ICalendars.valid(ics.getBytes(StandardCharsets.UTF_8));
        assertThat(ICalendars.events(calendar)).isEmpty();
        assertThat(ics).doesNotContain("URL:");
    }

    @Test
    void theSameCalendarIsTheSameBytes() {
        CalendarEvent e = event("Same", "", "", new EventTime.AllDay(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)));
        String once = FeedDocument.render("Moim", List.of(e), List.of(), null, false);
        String twice = FeedDocument.render("Moim", List.of(e), List.of(), null, false);
        assertThat(CalendarFeeds.etag(once)).isEqualTo(CalendarFeeds.etag(twice));
    }

    @Test
    void foldingNeverSplitsAMultiByteCharacterAndKeepsEveryLineAt75Octets() {
        for (int prefix = 0; prefix < 8; prefix++) {
            IcsWriter writer = new IcsWriter();
            writer.text("SUMMARY", "x".repeat(prefix) + "가😀나".repeat(40));
            ICalendars.checkWireForm(writer.toString().getBytes(StandardCharsets.UTF_8));
            String unfolded = writer.toString().replace("\r\n ", "");
            assertThat(unfolded).isEqualTo("SUMMARY:" + "x".repeat(prefix) + "가😀나".repeat(40) + "\r\n");
        }
    }

    @Test
    void textEscapingCoversBackslashSemicolonCommaAndLineBreaksAndDropsControls() {
        assertThat(IcsWriter.escape("a\\b;c,d\ne\r\nf\rg\u0007h\ti")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti");
    }
}
