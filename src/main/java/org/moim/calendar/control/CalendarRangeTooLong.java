package org.moim.calendar.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A range query over more days than {@code moim.calendar.max-range-days}. */
public class CalendarRangeTooLong extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("calendar-range-too-long", 400, "Calendar range too long");

    public CalendarRangeTooLong(int maxDays) {
        super(TYPE, "A calendar range may cover at most " + maxDays + " days; ask for a shorter one.",
                List.of(new FieldError("to", "must be at most " + maxDays + " days after from")));
    }
}
