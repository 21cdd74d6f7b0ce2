package org.moim.calendar.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a calendar range: an event or a card, told apart by {@code kind}. */
@Schema(name = "CalendarItem", oneOf = {EventView.class, CardItemView.class}, description = "kind: \"event\" or \"card\".")
public sealed interface CalendarItemView permits EventView, CardItemView {
    String kind();

    String title();

    String start();
}
