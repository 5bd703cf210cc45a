package com.vibrationfit.platform.http;

import java.io.IOException;

/** A provider's response was cut off by its {@link ResponseLimits}: too slow, silent too long, or too big. */
public class ResponseCutOff extends IOException {

    public ResponseCutOff(String message) {
        super(message);
    }
}
