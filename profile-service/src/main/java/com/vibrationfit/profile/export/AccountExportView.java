package com.vibrationfit.profile.export;

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
                enumeration = {"collecting", "ready", "failed", "expired"},
                description =
                        "collecting: services are "
                                + "writing their parts (and then the archive is assembled); ready: download it from download_url; "
                                + "failed: see failure; expired: the archive was deleted after its keep time, ask for a new one")
        String state,

        Instant requestedAt,

        @Schema(description = "The services whose parts arrived")
        List<PartView> parts,

        @Schema(description = "The services whose parts have not arrived yet")
        List<String> waitingFor,

        @Schema(description = "Parts must arrive before this, or the export fails")
        Instant deadlineAt,

        Instant readyAt,
        @Schema(description = "When the archive is deleted") Instant expiresAt,
        @Schema(description = "Size of the zip") Long sizeBytes,
        @Schema(description = "Media files in the archive") Integer fileCount,

        @Schema(description = "Media files a service listed that were deleted before the archive was built")
        List<String> missingFiles,

        @Schema(
                description =
                        "A presigned GET of the zip, valid for a few minutes; GET the export again for a fresh one")
        URL downloadUrl,

        Instant downloadUrlExpiresAt,
        Instant failedAt,

        @Schema(description = "Why the export failed, naming the services whose part never arrived")
        String failure) {

    @Schema(name = "AccountExportPart")
    public record PartView(String service, Instant receivedAt, long sizeBytes, int fileCount) {}

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
                e.missingFiles(),
                downloadUrl,
                downloadUrlExpiresAt,
                e.failedAt(),
                e.failure());
    }
}
