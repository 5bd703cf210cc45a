package com.vibrationfit.aiusage.viva;

/** Who writes VIVA's replies: a provider's model, or the offline coach. */
public interface CoachModel {

    /** The model_used recorded for its replies (a price-table key). */
    String name();

    /** The offline coach: costs nothing, needs no reservation, labelled as such in every reply. */
    boolean offline();

    /** Streams a reply into {@code sink}; returns at once or when done, calling exactly one of complete or failed. */
    void reply(CoachPrompt prompt, ReplySink sink);
}
