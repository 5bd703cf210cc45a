package com.vibrationfit.aiusage.viva;

import com.vibrationfit.platform.errors.Problem;

/** Who receives a reply as it is written: the SSE stream, or the non-streaming variant waiting for the whole. */
public interface ReplyListener {

    void delta(String text);

    /** The reply is stored and charged. */
    void done(CoachReply reply, ReplyDone summary);

    /** Nothing was stored as a reply and the hold was released. */
    void failed(Problem problem);
}
