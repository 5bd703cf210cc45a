package com.vibrationfit.media.speech;

/**
 * Measures an MP3's duration by walking its frame headers (no decoder needed), so the duration stored
 * on a track is what the file really plays for, whichever provider made it.
 */
public final class Mp3Duration {

    private static final int[][] BITRATES_KBPS = {
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1}, // MPEG-1 Layer III
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}, // MPEG-2/2.5 Layer III
    };
    private static final int[][] SAMPLE_RATES = {
        {44100, 48000, 32000}, // MPEG-1
        {22050, 24000, 16000}, // MPEG-2
        {11025, 12000, 8000}, // MPEG-2.5
    };

    private Mp3Duration() {}

    /** Seconds of audio; throws {@link SpeechFailed} when the bytes hold no MP3 frame. */
    public static double of(byte[] mp3) {
        int offset = skipId3(mp3);
        double seconds = 0;
        int frames = 0;
        while (offset + 4 <= mp3.length) {
            int b1 = mp3[offset + 1] & 0xFF;
            int b2 = mp3[offset + 2] & 0xFF;
            if ((mp3[offset] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
                offset++;
                continue;
            }
            int version = (b1 >> 3) & 0x3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
            int layer = (b1 >> 1) & 0x3; // 1 = Layer III
            int bitrateIndex = (b2 >> 4) & 0xF;
            int rateIndex = (b2 >> 2) & 0x3;
            int padding = (b2 >> 1) & 0x1;
            if (version == 1 || layer != 1 || rateIndex == 3 || bitrateIndex == 0 || bitrateIndex == 15) {
                offset++;
                continue;
            }
            boolean mpeg1 = version == 3;
            int bitrate = BITRATES_KBPS[mpeg1 ? 0 : 1][bitrateIndex] * 1000;
            int sampleRate = SAMPLE_RATES[mpeg1 ? 0 : (version == 2 ? 1 : 2)][rateIndex];
            int samples = mpeg1 ? 1152 : 576;
            int length = (samples / 8) * bitrate / sampleRate + padding;
            if (length < 4) {
                offset++;
                continue;
            }
            seconds += (double) samples / sampleRate;
            frames++;
            offset += length;
        }
        if (frames == 0) {
            throw new SpeechFailed("the provider's audio is not an MP3 (no frames found)");
        }
        return seconds;
    }

    private static int skipId3(byte[] data) {
        if (data.length > 10 && data[0] == 'I' && data[1] == 'D' && data[2] == '3') {
            int size = ((data[6] & 0x7F) << 21) | ((data[7] & 0x7F) << 14) | ((data[8] & 0x7F) << 7) | (data[9] & 0x7F);
            return 10 + size;
        }
        return 0;
    }
}
