package org.moim.board.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A board, list or card holds as many of something as the configured limit allows. */
public class BoardLimitReached extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("board-limit-reached", 422, "Board limit reached");

    public BoardLimitReached(String field, String what, int limit) {
        super(TYPE, "There can be at most " + limit + " " + what + ".", List.of(new FieldError(field, "at most " + limit + " " + what)));
    }
}
