package com.vibrationfit.profile.export;

import java.time.Instant;

/** A part that arrived: which service wrote it, where, and how big. */
public record ReceivedPart(String service, String objectKey, long sizeBytes, int fileCount, Instant receivedAt) {}
