package com.vibrationfit.media.speech;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The OpenAI-compatible speech API: {@code POST /v1/audio/speech} with a bearer key and
 * {@code {"model", "input", "voice", "response_format": "mp3"}}. Works with any compatible server.
 */
public class OpenAiSpeechSynthesizer implements SpeechSynthesizer {

    private final NarrationConfig.OpenAi config;

    public OpenAiSpeechSynthesizer(NarrationConfig.OpenAi config) {
        this.config = config;
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public String defaultVoice() {
        return config.voice();
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public Speech synthesize(String text, String voice) {
        String key = config.apiKey().orElseThrow(() -> new SpeechFailed("OpenAI API key is not configured"));
        URI uri = URI.create(config.baseUrl().replaceAll("/+$", "") + "/v1/audio/speech");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key);
        String body = "{\"model\":" + HttpSpeech.quote(config.model()) + ",\"input\":" + HttpSpeech.quote(text)
                + ",\"voice\":" + HttpSpeech.quote(voice) + ",\"response_format\":\"mp3\"}";
        return HttpSpeech.post("OpenAI", request, body, config.limits());
    }
}
