package com.vibrationfit.aiusage.viva;

/** Where a {@link CoachModel} streams a reply: text deltas, then the whole reply with its usage, or a failure. */
public interface ReplySink {

    void delta(String text);

    /** Usage counts are the provider's; null when it reported none. */
    void complete(String text, Integer inputTokens, Integer outputTokens);

    void failed(Throwable error);

    /** True once nobody wants the reply any more (the client went away): a model should stop generating. */
    boolean cancelled();
}
