package com.vibrationfit.platform.errors;

import java.util.List;

/**
 * A domain outcome the API reports as a problem: thrown by services, mapped once by {@link ProblemMappers}.
 * Subclasses name the outcome; resources never build error responses themselves.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String slug;
    private final List<FieldError> errors;

    protected ApiException(int status, String title, String slug, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public Problem toProblem() {
        Problem base = Problem.of(status, title, slug, getMessage());
        return new Problem(base.type(), base.title(), base.status(), base.detail(), null, errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
