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
        @Size(max = 14) List<String> sections,

        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_+-]*", message = "letters, digits, _ + - only")
        String voiceId,

        Boolean force) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
