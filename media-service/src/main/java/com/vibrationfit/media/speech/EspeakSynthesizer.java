package com.vibrationfit.media.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The local provider: espeak-ng writes a WAV file (writing a file, not a pipe, keeps the whole audio),
 * then lame encodes it to MP3. Needs no key and no network; the default when none is configured.
 */
public class EspeakSynthesizer implements SpeechSynthesizer {

    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9_+-]{1,40}");
    private final NarrationConfig.Espeak config;

    public EspeakSynthesizer(NarrationConfig.Espeak config) {
        this.config = config;
    }

    @Override
    public String provider() {
        return "espeak";
    }

    @Override
    public String defaultVoice() {
        return config.voice();
    }

    @Override
    public String model() {
        return "espeak-ng";
    }

    @Override
    public Speech synthesize(String text, String voice) {
        if (!VOICE.matcher(voice).matches()) {
            throw new SpeechFailed("not an espeak-ng voice name: " + voice);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vf-narration-");
            Path input = Files.writeString(dir.resolve("text.txt"), text, StandardCharsets.UTF_8);
            Path wav = dir.resolve("speech.wav");
            Path mp3 = dir.resolve("speech.mp3");
            run(
                    List.of(
                            config.binary(),
                            "-v",
                            voice,
                            "-s",
                            String.valueOf(config.wordsPerMinute()),
                            "-w",
                            wav.toString(),
                            "-f",
                            input.toString()),
                    dir);
            double seconds = wavSeconds(Files.readAllBytes(wav));
            run(List.of(config.encoder(), "--quiet", "-b", "64", wav.toString(), mp3.toString()), dir);
            byte[] audio = Files.readAllBytes(mp3);
            Mp3Duration.of(audio); // proves the encoder wrote an MP3
            return new Speech(audio, seconds);
        } catch (IOException e) {
            throw new SpeechFailed("espeak narration failed: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /** Duration from the WAV header: data bytes / (sample rate x channels x bytes per sample). */
    static double wavSeconds(byte[] wav) {
        ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 44 || buffer.getInt(0) != 0x46464952) { // "RIFF"
            throw new SpeechFailed("espeak-ng did not write a WAV file");
        }
        int channels = buffer.getShort(22);
        int sampleRate = buffer.getInt(24);
        int bitsPerSample = buffer.getShort(34);
        int offset = 12;
        while (offset + 8 <= wav.length) {
            int id = buffer.getInt(offset);
            int size = buffer.getInt(offset + 4);
            if (id == 0x61746164) { // "data"
                long bytes = size <= 0 || size > wav.length - offset - 8 ? wav.length - offset - 8 : size;
                return bytes / (double) (sampleRate * channels * (bitsPerSample / 8));
            }
            offset += 8 + size + (size & 1);
        }
        throw new SpeechFailed("espeak-ng WAV has no data chunk");
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.log").toFile())
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SpeechFailed(command.get(0) + " took longer than 120 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SpeechFailed(command.get(0) + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            String log = Files.readString(dir.resolve("tool.log"));
            throw new SpeechFailed(command.get(0) + " exited with " + process.exitValue() + ": " + log.strip());
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
        dir.toFile().delete();
    }
}
