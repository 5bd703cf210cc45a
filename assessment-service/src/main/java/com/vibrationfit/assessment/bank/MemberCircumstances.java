package com.vibrationfit.assessment.bank;

/**
 * What the member's committed profile says about the questions that may not fit them; {@code null} when
 * unknown (no profile yet): unknown means the default questions.
 */
public record MemberCircumstances(Boolean inRelationship, Boolean hasChildren) {

    public static final MemberCircumstances UNKNOWN = new MemberCircumstances(null, null);
}
