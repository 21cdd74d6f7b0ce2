package org.moim.platform.problem;

import java.util.List;

/** A field that passed the request's shape checks but not the domain's. */
public class InvalidField extends ProblemException {
    public InvalidField(String field, String message) {
        super(ProblemType.VALIDATION, "Some fields are invalid.", List.of(new FieldError(field, message)));
    }
}
