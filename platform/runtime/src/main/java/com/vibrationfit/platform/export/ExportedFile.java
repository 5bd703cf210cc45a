package com.vibrationfit.platform.export;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A media object an export carries: where it is in S3 and where it goes in the archive. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExportedFile(String objectKey, String archivePath, String contentType, Long sizeBytes) {}
