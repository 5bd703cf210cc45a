package com.vibrationfit.platform.export;

import java.util.UUID;

/**
 * Where an export's objects live in S3: under the member's own prefix, so deleting the account (which
 * empties {@code users/{id}/}) deletes any export with it.
 */
public final class ExportObjects {

    /** Version of the part and archive layout; bumped when a field changes meaning. */
    public static final String FORMAT = "vibrationfit-export/1";

    static final String EXPORTS_FOLDER = "exports/";

    private ExportObjects() {}

    public static String memberPrefix(UUID userId) {
        return "users/" + userId + "/";
    }

    /** The folder of one export: its parts and, once assembled, its archive. */
    public static String exportFolder(UUID userId, UUID exportId) {
        return memberPrefix(userId) + EXPORTS_FOLDER + exportId + "/";
    }

    public static String partKey(UUID userId, UUID exportId, String service) {
        return exportFolder(userId, exportId) + "parts/" + service + ".json";
    }

    /** Whether {@code key} is one of the export objects of {@code userId} (never a member's media). */
    public static boolean isExportObject(String key, UUID userId) {
        return key != null && key.startsWith(memberPrefix(userId) + EXPORTS_FOLDER);
    }
}
