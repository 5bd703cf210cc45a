package com.vibrationfit.profile.export;

import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.MediaUrls;
import jakarta.validation.constraints.Size;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An export as the API reports it. */
@Schema(name = "AccountExport")
public record AccountExportView(
        UUID id,

        @Schema(
                enumeration = {
                    AccountExport.COLLECTING,
                    AccountExport.READY,
                    AccountExport.FAILED,
                    AccountExport.EXPIRED
                },
                description =
                        "collecting: services are "
                                + "writing their parts (and then the archive is assembled); ready: download it from download_url; "
                                + "failed: see failure; expired: the archive was deleted after its keep time, ask for a new one")
        String state,

        Instant requestedAt,

        @Schema(description = "The services whose parts arrived", maxItems = ExportConfig.MAX_PARTS)
        List<PartView> parts,

        @Schema(description = "The services whose parts have not arrived yet", maxItems = ExportConfig.MAX_PARTS)
        List<@Size(max = ExportConfig.SERVICE_NAME_MAX_LENGTH) String> waitingFor,

        @Schema(description = "Parts must arrive before this, or the export fails")
        Instant deadlineAt,

        Instant readyAt,
        @Schema(description = "When the archive is deleted") Instant expiresAt,
        @Schema(description = "Size of the zip") Long sizeBytes,
        @Schema(description = "Media files in the archive") Integer fileCount,

        @Schema(
                description = "Media files a service listed that were deleted before the archive was built: the first "
                        + MAX_MISSING_FILES
                        + " (the archive's manifest lists them all)",
                maxItems = MAX_MISSING_FILES)
        List<@Size(max = MediaUrls.MAX_LENGTH) String> missingFiles,

        @Schema(
                description =
                        "A presigned GET of the zip, valid for a few minutes; GET the export again for a fresh one",
                maxLength = MediaLinks.MAX_LENGTH)
        URL downloadUrl,

        Instant downloadUrlExpiresAt,
        Instant failedAt,

        @Schema(
                description = "Why the export failed, naming the services whose part never arrived",
                maxLength = AccountExport.FAILURE_MAX_LENGTH)
        String failure) {

    /** The most missing files an export lists. */
    public static final int MAX_MISSING_FILES = 100;

    @Schema(name = "AccountExportPart")
    public record PartView(
            @Schema(maxLength = ExportConfig.SERVICE_NAME_MAX_LENGTH)
            String service,

            Instant receivedAt,
            long sizeBytes,
            int fileCount) {}

    static AccountExportView of(
            AccountExport e, List<ReceivedPart> parts, URL downloadUrl, Instant downloadUrlExpiresAt) {
        List<String> arrived = parts.stream().map(ReceivedPart::service).toList();
        List<String> waiting = AccountExport.COLLECTING.equals(e.state())
                ? e.expectedParts().stream().filter(s -> !arrived.contains(s)).toList()
                : List.of();
        return new AccountExportView(
                e.id(),
                e.state(),
                e.requestedAt(),
                parts.stream()
                        .map(p -> new PartView(p.service(), p.receivedAt(), p.sizeBytes(), p.fileCount()))
                        .toList(),
                waiting,
                e.deadlineAt(),
                e.readyAt(),
                e.expiresAt(),
                e.archiveBytes(),
                e.fileCount(),
                e.missingFiles() == null || e.missingFiles().size() <= MAX_MISSING_FILES
                        ? e.missingFiles()
                        : List.copyOf(e.missingFiles().subList(0, MAX_MISSING_FILES)),
                downloadUrl,
                downloadUrlExpiresAt,
                e.failedAt(),
                e.failure());
    }
}
