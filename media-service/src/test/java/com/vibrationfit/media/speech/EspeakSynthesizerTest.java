package com.vibrationfit.media.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real espeak-ng and lame, as the local default provider uses them. */
class EspeakSynthesizerTest {

    private final EspeakSynthesizer espeak = new EspeakSynthesizer(new NarrationConfig.Espeak() {
        public String binary() {
            return "espeak-ng";
        }

        public String encoder() {
            return "lame";
        }

        public String voice() {
            return "en-us";
        }

        public int wordsPerMinute() {
            return 160;
        }
    });

    @Test
    void shouldNarrateTextToAValidMp3WithAPlausibleDuration() {
        String text = "I wake up every morning full of energy. I run by the sea, I eat well, and I feel strong.";
        Speech speech = espeak.synthesize(text, "en-us");
        // 19 words at 160 words per minute is about 7 seconds.
        assertTrue(
                speech.durationSeconds() > 3 && speech.durationSeconds() < 15, "duration " + speech.durationSeconds());
        assertTrue(speech.mp3().length > 1000);
        double framesSeconds = Mp3Duration.of(speech.mp3());
        assertEquals(speech.durationSeconds(), framesSeconds, 0.5, "MP3 frames agree with the WAV length");
    }

    @Test
    void shouldTakeLongerForLongerTexts() {
        double shortOne = espeak.synthesize("Hello.", "en-us").durationSeconds();
        double longOne = espeak.synthesize("Hello. ".repeat(20), "en-us").durationSeconds();
        assertTrue(longOne > shortOne * 5, shortOne + " vs " + longOne);
    }

    @Test
    void shouldRefuseAVoiceNameThatIsNotOne() {
        assertThrows(SpeechFailed.class, () -> espeak.synthesize("Hello.", "en; rm -rf /"));
    }

    @Test
    void shouldRejectBytesThatAreNotMp3() {
        assertThrows(SpeechFailed.class, () -> Mp3Duration.of("<html>rate limited</html>".getBytes()));
    }

    @Test
    void shouldChooseEspeakWhenNoKeyIsConfigured() {
        assertEquals(
                "espeak",
                SpeechProviders.choose(config("auto", Optional.empty(), Optional.empty()))
                        .provider());
        assertEquals(
                "elevenlabs",
                SpeechProviders.choose(config("auto", Optional.of("k"), Optional.empty()))
                        .provider());
        assertEquals(
                "openai",
                SpeechProviders.choose(config("auto", Optional.empty(), Optional.of("k")))
                        .provider());
        assertEquals(
                "espeak",
                SpeechProviders.choose(config("espeak", Optional.of("k"), Optional.of("k")))
                        .provider());
    }

    private NarrationConfig config(String provider, Optional<String> elevenKey, Optional<String> openAiKey) {
        return TestNarrationConfig.of(provider, "http://127.0.0.1:1", elevenKey, openAiKey);
    }
}
