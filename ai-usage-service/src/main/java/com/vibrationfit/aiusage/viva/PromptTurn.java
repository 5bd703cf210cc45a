package com.vibrationfit.aiusage.viva;

/** One earlier turn of a thread as a prompt carries it: {@code user} or {@code assistant}, and its text. */
public record PromptTurn(String role, String text) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public boolean fromMember() {
        return USER.equals(role);
    }

    public int estimatedTokens() {
        return TokenEstimate.ofMessage(text);
    }
}
