-- The reminder sweeps (EventReminders, every minute on the node holding the lease) read the
-- events of every workspace that start in a window: timed ones by start_at, all-day ones by
-- start_date. The calendar's indexes lead with workspace_id (for one workspace's calendar), so the
-- sweeps scanned the whole table; these serve them.
CREATE INDEX ix_calendar_event_start_at ON calendar_event (start_at);
CREATE INDEX ix_calendar_event_start_date ON calendar_event (start_date);
