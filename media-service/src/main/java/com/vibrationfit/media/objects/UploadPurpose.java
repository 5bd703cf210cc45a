package com.vibrationfit.media.objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an upload is for, and what each purpose accepts (content types and maximum size). */
public enum UploadPurpose {
    JOURNAL_IMAGE("journal_image", Kind.IMAGE),
    JOURNAL_AUDIO("journal_audio", Kind.AUDIO),
    JOURNAL_VIDEO("journal_video", Kind.VIDEO),
    PROFILE_PICTURE("profile_picture", Kind.IMAGE),
    PROGRESS_PHOTO("progress_photo", Kind.IMAGE),
    STORY_RECORDING("story_recording", Kind.RECORDING),
    VISION_BOARD_IMAGE("vision_board_image", Kind.IMAGE);

    enum Kind {
        IMAGE(
                10L * 1024 * 1024,
                Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/heic", "heic")),
        AUDIO(
                50L * 1024 * 1024,
                Map.of(
                        "audio/webm",
                        "webm",
                        "audio/ogg",
                        "ogg",
                        "audio/mpeg",
                        "mp3",
                        "audio/mp4",
                        "m4a",
                        "audio/wav",
                        "wav")),
        VIDEO(500L * 1024 * 1024, Map.of("video/webm", "webm", "video/mp4", "mp4", "video/quicktime", "mov")),
        RECORDING(500L * 1024 * 1024, merge(AUDIO.types, VIDEO.types));

        final long maxBytes;
        final Map<String, String> types;

        Kind(long maxBytes, Map<String, String> types) {
            this.maxBytes = maxBytes;
            this.types = types;
        }

        private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
            HashMap<String, String> all = new HashMap<>(a);
            all.putAll(b);
            return Map.copyOf(all);
        }
    }

    /** The longest content type any purpose accepts ({@code video/quicktime}), with room to spare. */
    public static final int CONTENT_TYPE_MAX_LENGTH = 32;

    private final String value;
    private final Kind kind;

    UploadPurpose(String value, Kind kind) {
        this.value = value;
        this.kind = kind;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public long maxBytes() {
        return kind.maxBytes;
    }

    public Set<String> contentTypes() {
        return kind.types.keySet();
    }

    /** File extension for keys; {@code null} if the type is not accepted for this purpose. */
    public String extensionOf(String contentType) {
        return kind.types.get(contentType);
    }

    @JsonCreator
    public static UploadPurpose of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.value.equals(value))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown purpose '" + value + "'; expected one of " + names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(UploadPurpose::value).toList();
    }
}
