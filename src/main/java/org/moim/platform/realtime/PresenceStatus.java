package org.moim.platform.realtime;

/** Whether someone is here: any tab in use (ONLINE), tabs open but none in use (AWAY), none open. */
public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
