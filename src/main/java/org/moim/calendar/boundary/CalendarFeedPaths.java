package org.moim.calendar.boundary;

/** Where feeds are served, and what the request log shows instead of a feed's secret path. */
final class CalendarFeedPaths {

    /** The public feed URL's path before {@code <token>.ics}. */
    static final String PUBLIC = "/calendar/feeds/";

    static final String REDACTED = PUBLIC + "<token>.ics";

    private CalendarFeedPaths() {
    }
}
