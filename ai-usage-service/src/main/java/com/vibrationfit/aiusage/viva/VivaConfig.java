package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.ledger.TokenUsage;
import com.vibrationfit.platform.http.ResponseLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;

/**
 * VIVA's configuration ({@code vf.viva.*}). With no {@code provider.base-url} the offline coach answers; with one,
 * any OpenAI-compatible chat-completions API does (OpenAI, Azure-compatible gateways, vLLM, Ollama, LM Studio).
 */
@ConfigMapping(prefix = "vf.viva")
public interface VivaConfig {

    Provider provider();

    /** The most a reply may be (the provider's max_tokens); part of every reservation. */
    @WithDefault("600")
    int maxReplyTokens();

    /** How many tokens of earlier turns a prompt carries at most (the most recent turns that fit). */
    @WithDefault("3000")
    int historyBudgetTokens();

    /** The longest message a member may send, in characters (longer is a 400); at most what the API documents. */
    @WithDefault("4000")
    @Min(1)
    @Max(NewMessage.MAX_LENGTH)
    int maxMessageCharacters();

    /** How long a reply's reservation holds; longer than any reply takes, so a lapsed hold means a crash. */
    @WithDefault("PT5M")
    Duration reservationHold();

    interface Provider {
        /** e.g. {@code https://api.openai.com/v1}; absent: the offline coach. */
        Optional<String> baseUrl();

        /** The provider's key (a secret: from the environment, never from a file in git). */
        Optional<String> apiKey();

        /** The model asked for; it must be in the price table ({@code vf.ai.prices}). */
        @WithDefault("gpt-4o-mini")
        @Size(min = 1, max = TokenUsage.MODEL_MAX_LENGTH)
        String model();

        @WithDefault("0.7")
        double temperature();

        /** How long a reply may take, end to end (the longest a VIVA stream lasts). */
        @WithDefault("PT90S")
        Duration timeout();

        /** The longest the provider may send nothing, headers included; a stalled reply fails after this. */
        @WithDefault("PT30S")
        Duration idleTimeout();

        /** The most a provider's answer may be, in bytes of its stream (a 600-token reply streams about 150 kB). */
        @WithDefault("4000000")
        @Min(1)
        @Max(MessageView.MESSAGE_MAX_LENGTH)
        long maxResponseBytes();

        default ResponseLimits limits() {
            return new ResponseLimits(timeout(), idleTimeout(), maxResponseBytes());
        }
    }
}
