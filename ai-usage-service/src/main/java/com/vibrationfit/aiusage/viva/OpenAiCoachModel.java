package com.vibrationfit.aiusage.viva;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * VIVA on any OpenAI-compatible chat-completions API, streamed, through LangChain4j's OpenAI client. Usage comes
 * from the provider's final chunk; a reply nobody waits for any more is cancelled at the next delta, and a
 * provider that stalls, writes too long or too much is cut off by {@link BoundedProviderClient}.
 */
public final class OpenAiCoachModel implements CoachModel {

    private final String name;
    private final StreamingChatModel model;

    public OpenAiCoachModel(VivaConfig config) {
        VivaConfig.Provider provider = config.provider();
        this.name = provider.model();
        this.model = OpenAiStreamingChatModel.builder()
                .baseUrl(provider.baseUrl().orElseThrow())
                // Keyless OpenAI-compatible servers (vLLM, Ollama, LM Studio) ignore the header; the client needs one.
                .apiKey(provider.apiKey().filter(k -> !k.isBlank()).orElse("no-key"))
                .modelName(provider.model())
                .temperature(provider.temperature())
                .maxTokens(config.maxReplyTokens())
                .timeout(provider.timeout())
                .httpClientBuilder(BoundedProviderClient.builder(provider.limits()))
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean offline() {
        return false;
    }

    @Override
    public void reply(CoachPrompt prompt, ReplySink sink) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompt.system()));
        for (PromptTurn turn : prompt.history()) {
            messages.add(turn.fromMember() ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
        }
        messages.add(UserMessage.from(prompt.message()));
        model.chat(ChatRequest.builder().messages(messages).build(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (sink.cancelled()) {
                    context.streamingHandle().cancel();
                    return;
                }
                sink.delta(partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                TokenUsage usage = response.tokenUsage();
                sink.complete(
                        response.aiMessage().text() == null
                                ? ""
                                : response.aiMessage().text(),
                        usage == null ? null : usage.inputTokenCount(),
                        usage == null ? null : usage.outputTokenCount());
            }

            @Override
            public void onError(Throwable error) {
                sink.failed(error);
            }
        });
    }
}
