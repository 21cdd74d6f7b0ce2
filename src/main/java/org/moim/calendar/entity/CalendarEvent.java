package org.moim.calendar.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.moim.identity.entity.Account;
import org.moim.workspace.entity.Workspace;

/**
 * An event in a workspace's calendar. Timed events keep two instants, all-day events two dates
 * (see {@link EventTime}); never both. Attendees are account ids.
 */
@Entity
@Table(name = "calendar_event")
public class CalendarEvent {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false)
    private Workspace workspace;

    @Column(nullable = false, length = 400)
    private String title;

    @Column(nullable = false, length = 8000)
    private String description;

    @Column(nullable = false, length = 1000)
    private String location;

    @Column(name = "all_day", nullable = false)
    private boolean allDay;

    @Column(name = "start_at")
    private Instant startAt;

    @Column(name = "end_at")
    private Instant endAt;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by", nullable = false)
    private Account createdBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "calendar_attendee", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "account_id", length = 36)
    private Set<String> attendeeIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CalendarEvent() {
    }

    public CalendarEvent(Workspace workspace, Account createdBy, String title, String description, String location,
                         EventTime time, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.workspace = Objects.requireNonNull(workspace);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.title = Objects.requireNonNull(title);
        this.description = description == null ? "" : description;
        this.location = location == null ? "" : location;
        schedule(time);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retitle(String title, Instant now) {
        this.title = Objects.requireNonNull(title);
        this.updatedAt = now;
    }

    public void describe(String description, Instant now) {
        this.description = Objects.requireNonNull(description);
        this.updatedAt = now;
    }

    public void relocate(String location, Instant now) {
        this.location = Objects.requireNonNull(location);
        this.updatedAt = now;
    }

    public void reschedule(EventTime time, Instant now) {
        schedule(time);
        this.updatedAt = now;
    }

    /**
     * Makes {@code accountIds} the attendees (in any order, without duplicates); returns those who
     * were not attending before, the people to tell.
     */
    public Set<String> replaceAttendees(Collection<String> accountIds, Instant now) {
        Set<String> next = new LinkedHashSet<>(accountIds);
        Set<String> added = new LinkedHashSet<>(next);
        added.removeAll(attendeeIds);
        if (!next.equals(attendeeIds)) {
            attendeeIds.retainAll(next);
            attendeeIds.addAll(next);
            this.updatedAt = now;
        }
        return added;
    }

    private void schedule(EventTime time) {
        Objects.requireNonNull(time);
        if (time instanceof EventTime.Timed timed) {
            allDay = false;
            startAt = timed.start();
            endAt = timed.end();
            startDate = null;
            endDate = null;
        } else if (time instanceof EventTime.AllDay days) {
            allDay = true;
            startDate = days.start();
            endDate = days.end();
            startAt = null;
            endAt = null;
        }
    }

    public EventTime time() {
        return allDay ? new EventTime.AllDay(startDate, endDate) : new EventTime.Timed(startAt, endAt);
    }

    public boolean isCreatedBy(String accountId) {
        return createdBy.id().equals(accountId);
    }

    public boolean isAttendedBy(String accountId) {
        return attendeeIds.contains(accountId);
    }

    public String id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String location() {
        return location;
    }

    public boolean allDay() {
        return allDay;
    }

    public Account createdBy() {
        return createdBy;
    }

    public Set<String> attendeeIds() {
        return Set.copyOf(attendeeIds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
