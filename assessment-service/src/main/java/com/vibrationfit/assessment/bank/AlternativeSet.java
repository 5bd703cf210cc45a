package com.vibrationfit.assessment.bank;

import java.util.List;

/** Seven questions that replace a category's defaults when {@code applies_when} describes the member. */
public record AlternativeSet(String appliesWhen, List<Question> questions) {

    /** Members not in a relationship (their committed profile says so). */
    public static final String NOT_IN_RELATIONSHIP = "not_in_relationship";
    /** Members without children (their committed profile says so). */
    public static final String NO_CHILDREN = "no_children";

    boolean appliesTo(MemberCircumstances member) {
        return switch (appliesWhen) {
            case NOT_IN_RELATIONSHIP -> Boolean.FALSE.equals(member.inRelationship());
            case NO_CHILDREN -> Boolean.FALSE.equals(member.hasChildren());
            default -> false;
        };
    }
}
