package com.vibrationfit.platform.errors;

/** One invalid field of a request: its JSON name (snake_case, dotted for nested, [i] for elements) and why. */
public record FieldError(String field, String message) {}
