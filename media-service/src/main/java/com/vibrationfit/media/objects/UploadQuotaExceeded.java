package com.vibrationfit.media.objects;

import com.vibrationfit.platform.errors.ApiException;
import com.vibrationfit.platform.errors.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * 422 with its own problem type: the declared size does not fit in what is left of the member's storage
 * quota. Not 413, which the gateway and the services use for a request body over the limit: here the
 * body is small and the member's stored bytes are the problem.
 */
public class UploadQuotaExceeded extends ApiException {

    public UploadQuotaExceeded(long declared, long used, long quota) {
        super(
                422,
                "Unprocessable Content",
                "storage-quota-exceeded",
                "the upload does not fit in your storage quota",
                List.of(new FieldError(
                        "size_bytes",
                        "declared " + declared + " bytes, but only " + Math.max(0, quota - used) + " bytes ("
                                + mebibytes(Math.max(0, quota - used)) + ") are left of your " + quota + "-byte ("
                                + mebibytes(quota)
                                + ") storage quota; delete objects or wait for open uploads to expire")));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
