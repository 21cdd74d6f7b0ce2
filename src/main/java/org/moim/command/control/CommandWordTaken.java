package org.moim.command.control;

import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** The workspace has a command with this word already. */
public class CommandWordTaken extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("command-word-taken", 409, "Command word taken");

    public CommandWordTaken(String word) {
        super(TYPE, "This workspace has a /" + word + " command already.", List.of(new FieldError("word", "is taken")));
    }
}
