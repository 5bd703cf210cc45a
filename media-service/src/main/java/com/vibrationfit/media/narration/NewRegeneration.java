package com.vibrationfit.media.narration;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of the regenerate call: which sections (all when absent), which voice (the default when absent),
 * and {@code force} to synthesise again a section whose track already speaks the same text in that voice.
 */
@Schema(name = "RegenerateRequest")
public record NewRegeneration(
        @Schema(description = "section keys (forward, the 12 life categories, conclusion); all when absent")
        @Size(max = Sections.COUNT)
        List<@Size(max = Sections.KEY_MAX_LENGTH) String> sections,

        @Size(max = AudioTrack.VOICE_ID_MAX_LENGTH)
        @Pattern(regexp = "[A-Za-z0-9_+-]*", message = "letters, digits, _ + - only")
        String voiceId,

        Boolean force) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
