package com.vibrationfit.media.speech;

import java.time.Duration;
import java.util.Optional;

/** A hand-built {@link NarrationConfig} for plain unit tests of the provider clients. */
final class TestNarrationConfig {

    private TestNarrationConfig() {}

    static NarrationConfig of(String provider, String baseUrl, Optional<String> elevenKey, Optional<String> openAiKey) {
        return new NarrationConfig() {
            public String provider() {
                return provider;
            }

            public ElevenLabs elevenlabs() {
                return new ElevenLabs() {
                    public String baseUrl() {
                        return baseUrl;
                    }

                    public Optional<String> apiKey() {
                        return elevenKey;
                    }

                    public String voiceId() {
                        return "voice-rachel";
                    }

                    public String modelId() {
                        return "eleven_multilingual_v2";
                    }

                    public Duration timeout() {
                        return Duration.ofSeconds(10);
                    }

                    public Duration idleTimeout() {
                        return Duration.ofSeconds(1);
                    }

                    public long maxAudioBytes() {
                        return 1_000_000;
                    }
                };
            }

            public OpenAi openai() {
                return new OpenAi() {
                    public String baseUrl() {
                        return baseUrl;
                    }

                    public Optional<String> apiKey() {
                        return openAiKey;
                    }

                    public String model() {
                        return "tts-1";
                    }

                    public String voice() {
                        return "alloy";
                    }

                    public Duration timeout() {
                        return Duration.ofSeconds(10);
                    }

                    public Duration idleTimeout() {
                        return Duration.ofSeconds(1);
                    }

                    public long maxAudioBytes() {
                        return 1_000_000;
                    }
                };
            }

            public Espeak espeak() {
                return new Espeak() {
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
                };
            }

            public int maxAttempts() {
                return 3;
            }

            public Duration initialBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration staleAfter() {
                return Duration.ofMinutes(2);
            }

            public Duration quietPeriod() {
                return Duration.ofSeconds(3);
            }

            public Regenerate regenerate() {
                return new Regenerate() {
                    public int maxRequests() {
                        return 10;
                    }

                    public Duration window() {
                        return Duration.ofHours(1);
                    }
                };
            }

            public double costCentsPer1000Characters() {
                return 0;
            }
        };
    }
}
