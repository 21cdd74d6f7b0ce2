package org.moim.calendar.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.security.RateLimiter.Limit;

/**
 * The configured limits of the calendar (README's configuration table) and the checks of an
 * event's texts against them. Lengths count code points (Korean and emoji count as people expect);
 * texts are trimmed and may hold no control characters (a description may hold line breaks and tabs).
 * A configured length above its column's size is lowered to it.
 */
@ApplicationScoped
public class CalendarLimits {

    private static final Logger LOG = Logger.getLogger(CalendarLimits.class.getName());

    /** The column sizes (V7__calendar.sql, in UTF-16 units, twice these). */
    public static final int TITLE_COLUMN = 200;
    public static final int DESCRIPTION_COLUMN = 4000;
    public static final int LOCATION_COLUMN = 500;

    @Inject
    @ConfigProperty(name = "moim.calendar.title-max", defaultValue = "200")
    int titleMax;

    @Inject
    @ConfigProperty(name = "moim.calendar.description-max", defaultValue = "4000")
    int descriptionMax;

    @Inject
    @ConfigProperty(name = "moim.calendar.location-max", defaultValue = "500")
    int locationMax;

    @Inject
    @ConfigProperty(name = "moim.calendar.max-attendees", defaultValue = "100")
    int maxAttendees;

    @Inject
    @ConfigProperty(name = "moim.calendar.max-range-days", defaultValue = "62")
    int maxRangeDays;

    @Inject
    @ConfigProperty(name = "moim.calendar.max-items", defaultValue = "1000")
    int maxItems;

    @Inject
    @ConfigProperty(name = "moim.calendar.feed.past-days", defaultValue = "180")
    int feedPastDays;

    @Inject
    @ConfigProperty(name = "moim.calendar.feed.max-items", defaultValue = "2000")
    int feedMaxItems;

    @Inject
    @ConfigProperty(name = "moim.calendar.feed.per-token", defaultValue = "60")
    int feedPerToken;

    @Inject
    @ConfigProperty(name = "moim.calendar.feed.misses-per-address", defaultValue = "20")
    int feedMissesPerAddress;

    @Inject
    @ConfigProperty(name = "moim.calendar.feed.window", defaultValue = "PT1H")
    Duration feedWindow;

    public CalendarLimits() {
    }

    /** Fixed limits, for unit tests. */
    public CalendarLimits(int titleMax, int descriptionMax, int locationMax, int maxAttendees, int maxRangeDays, int maxItems) {
        this.titleMax = titleMax;
        this.descriptionMax = descriptionMax;
        this.locationMax = locationMax;
        this.maxAttendees = maxAttendees;
        this.maxRangeDays = maxRangeDays;
        this.maxItems = maxItems;
        cap();
    }

    @PostConstruct
    void cap() {
        titleMax = capped("title-max", titleMax, TITLE_COLUMN);
        descriptionMax = capped("description-max", descriptionMax, DESCRIPTION_COLUMN);
        locationMax = capped("location-max", locationMax, LOCATION_COLUMN);
    }

    public String title(String field, String value) {
        String title = value == null ? "" : value.strip();
        if (title.isEmpty()) {
            throw new InvalidField(field, "must not be blank");
        }
        checkLength(field, title, titleMax);
        if (title.codePoints().anyMatch(CalendarLimits::isInvisibleControl)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return title;
    }

    /** Line breaks and tabs are fine in a description. Null or blank is none (""). */
    public String description(String field, String value) {
        String description = value == null ? "" : value.strip().replace("\r\n", "\n");
        checkLength(field, description, descriptionMax);
        if (description.codePoints().anyMatch(c -> c != '\n' && c != '\t' && isInvisibleControl(c))) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return description;
    }

    /** Null or blank is none (""). */
    public String location(String field, String value) {
        String location = value == null ? "" : value.strip();
        checkLength(field, location, locationMax);
        if (location.codePoints().anyMatch(CalendarLimits::isInvisibleControl)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return location;
    }

    /** The distinct attendee ids, in the order given. */
    public List<String> attendees(String field, List<String> accountIds) {
        if (accountIds == null) {
            return List.of();
        }
        List<String> distinct = accountIds.stream().distinct().toList();
        if (distinct.size() > maxAttendees) {
            throw new InvalidField(field, "must name at most " + maxAttendees + " people");
        }
        for (int i = 0; i < distinct.size(); i++) {
            String id = distinct.get(i);
            if (id == null || id.isBlank() || id.length() > 36) {
                throw new InvalidField(field + "[" + accountIds.indexOf(id) + "]", "must be an account id");
            }
        }
        return distinct;
    }

    public int maxRangeDays() {
        return maxRangeDays;
    }

    public int maxItems() {
        return maxItems;
    }

    public int feedPastDays() {
        return feedPastDays;
    }

    public int feedMaxItems() {
        return feedMaxItems;
    }

    /** Feed downloads per feed. */
    public Limit feedDownloadsPerToken() {
        return new Limit("calendar-feed-token", feedPerToken, feedWindow);
    }

    /** Requests for feeds that do not exist, per client address. */
    public Limit feedMissesPerAddress() {
        return new Limit("calendar-feed-miss", feedMissesPerAddress, feedWindow);
    }

    private static int capped(String key, int configured, int column) {
        if (configured > column) {
            LOG.warning(() -> "moim.calendar." + key + "=" + configured + " is more than the column holds; using " + column);
            return column;
        }
        return configured;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidField(field, "must be at most " + max + " characters long");
        }
    }

    // Zero-width joiner (U+200D) glues emoji together; other format characters hide text.
    private static boolean isInvisibleControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != 0x200D;
    }
}
