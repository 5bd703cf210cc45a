package com.vibrationfit.media.transcription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a transcription is priced and how the provider's answer is read. */
class TranscriptionRulesTest {

    @Test
    void shouldChargePerStartedSecondAtLeastOneToken() {
        assertEquals(150, TranscriptionWorker.tokensFor(90, 100));
        assertEquals(151, TranscriptionWorker.tokensFor(90.4, 100));
        assertEquals(1, TranscriptionWorker.tokensFor(0.2, 100));
        assertEquals(1, TranscriptionWorker.tokensFor(0, 100));
        assertEquals(Integer.MAX_VALUE, TranscriptionWorker.tokensFor(1e15, 100));
    }

    @Test
    void shouldReadTheTextLanguageAndDurationOfAVerboseAnswer() {
        Transcriber.Transcript transcript = OpenAiTranscriber.transcriptOf(bytes("""
                {"task":"transcribe","language":"english","duration":12.5,"text":"  Hello there. ","segments":[]}"""));
        assertEquals(new Transcriber.Transcript("Hello there.", "english", 12.5), transcript);
    }

    @Test
    void shouldRefuseAnAnswerItCannotChargeBy() {
        assertThrows(
                TranscriptionFailed.class, () -> OpenAiTranscriber.transcriptOf(bytes("{\"text\":\"no duration\"}")));
        assertThrows(TranscriptionFailed.class, () -> OpenAiTranscriber.transcriptOf(bytes("{\"duration\":3}")));
        assertThrows(TranscriptionFailed.class, () -> OpenAiTranscriber.transcriptOf(bytes("<html>busy</html>")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
