package com.vibrationfit.media.narration;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of the regenerate call: which sections (all when absent) and which voice (the default when absent). */
public record RegenerateRequest(@Size(max = 14) List<String> sections,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_+-]*", message = "letters, digits, _ + - only") String voiceId) {
}
