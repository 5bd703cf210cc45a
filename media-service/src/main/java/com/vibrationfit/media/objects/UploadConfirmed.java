package com.vibrationfit.media.objects;

/**
 * An upload was just confirmed, inside the confirming transaction (a CDI event, so what follows an upload, e.g. its
 * transcription, joins that transaction without the upload knowing about it).
 */
public record UploadConfirmed(MediaObject object, String mediaUrl) {}
