package com.vibrationfit.platform.export;

import com.vibrationfit.events.UserExportPartReady;

/**
 * Implemented by the one service that assembles exports (profile-service): it is told of every part, once,
 * in the inbox transaction of the event.
 */
public interface ExportPartListener {

    void partReady(UserExportPartReady part);
}
