package com.vibrationfit.media;

import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.S3TestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real parts every @QuarkusTest of media-service shares (one boot): OIDC, Kafka, S3, a TTS stub, a transcription stub and ai-usage-service's spend API. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ElevenLabsStub.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AiUsageStub.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TranscriptionStub.class, restrictToAnnotatedClass = false)
public final class MediaServiceTestResources {
    private MediaServiceTestResources() {}
}
