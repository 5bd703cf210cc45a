package com.vibrationfit.vision.events;

import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A careless exporter (tests only) that forgets to filter by member: row-level security must still keep every
 * other member's rows out of the part ({@link ExportPartTest}).
 */
@ApplicationScoped
public class UnfilteredExporter implements UserDataExporter {

    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows("unfiltered_visions", "select id, user_id from vision_versions");
    }
}
