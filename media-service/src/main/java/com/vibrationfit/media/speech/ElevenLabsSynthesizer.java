package com.vibrationfit.media.speech;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * ElevenLabs text-to-speech: {@code POST /v1/text-to-speech/{voice_id}} with the {@code xi-api-key}
 * header and {@code {"text", "model_id"}}; answers {@code audio/mpeg}.
 */
public class ElevenLabsSynthesizer implements SpeechSynthesizer {

    private final NarrationConfig.ElevenLabs config;

    public ElevenLabsSynthesizer(NarrationConfig.ElevenLabs config) {
        this.config = config;
    }

    @Override
    public String provider() {
        return "elevenlabs";
    }

    @Override
    public String defaultVoice() {
        return config.voiceId();
    }

    @Override
    public String model() {
        return config.modelId();
    }

    @Override
    public Speech synthesize(String text, String voice) {
        String key = config.apiKey().orElseThrow(() -> new SpeechFailed("ElevenLabs API key is not configured"));
        URI uri = URI.create(config.baseUrl().replaceAll("/+$", "") + "/v1/text-to-speech/"
                + URLEncoder.encode(voice, StandardCharsets.UTF_8) + "?output_format=mp3_44100_128");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("xi-api-key", key);
        String body =
                "{\"text\":" + HttpSpeech.quote(text) + ",\"model_id\":" + HttpSpeech.quote(config.modelId()) + "}";
        return HttpSpeech.post("ElevenLabs", request, body, config.limits());
    }
}
