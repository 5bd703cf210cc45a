package com.vibrationfit.media.objects;

import com.vibrationfit.platform.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The per-purpose allow-list: which content types and how many bytes an upload may declare. */
public final class UploadRules {

    private UploadRules() {}

    public static List<FieldError> check(UploadPurpose purpose, String contentType, long sizeBytes) {
        List<FieldError> errors = new ArrayList<>();
        if (purpose.extensionOf(contentType) == null) {
            errors.add(new FieldError(
                    "content_type",
                    "'" + contentType + "' is not accepted for " + purpose.value() + "; use one of "
                            + new TreeSet<>(purpose.contentTypes())));
        }
        if (sizeBytes > purpose.maxBytes()) {
            errors.add(new FieldError(
                    "size_bytes",
                    "at most " + purpose.maxBytes() + " bytes (" + purpose.maxBytes() / (1024 * 1024) + " MB) for "
                            + purpose.value()));
        }
        return errors;
    }
}
