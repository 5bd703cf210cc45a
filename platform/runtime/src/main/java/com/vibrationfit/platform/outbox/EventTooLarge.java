package com.vibrationfit.platform.outbox;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.Unprocessable;
import java.util.List;

/**
 * 422: the change would announce an event larger than Kafka takes, so it is refused when it is written
 * (nothing is saved) instead of an unpublishable event entering the outbox. Names the part that is too big.
 */
public class EventTooLarge extends Unprocessable {
    public EventTooLarge(String field, int bytes, int limit) {
        super(
                "the change is too large to be announced to the other services (" + bytes + " bytes, at most " + limit
                        + "); make '" + field + "' smaller",
                List.of(new FieldError(
                        field, "too large: the change's event would be " + bytes + " bytes, the limit is " + limit)));
    }
}
