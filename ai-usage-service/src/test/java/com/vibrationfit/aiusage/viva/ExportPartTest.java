package com.vibrationfit.aiusage.viva;

import static com.vibrationfit.aiusage.viva.ConversationResourceTest.grant;
import static com.vibrationfit.aiusage.viva.ConversationResourceTest.start;
import static com.vibrationfit.aiusage.viva.ConversationResourceTest.talk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.OpenAiStubResource;
import com.vibrationfit.platform.testing.ExportParts;
import com.vibrationfit.platform.testing.OpenAiProtocolStub.Script;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** ai-usage-service's part of an export: the token account, grants, usage and VIVA conversations of the member. */
@QuarkusTest
class ExportPartTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldWriteTheLedgerAndEveryConversationOfTheMemberOnly() {
        OpenAiStubResource.stub().reset();
        grant(alice, 5000);
        grant(bob, 5000);
        OpenAiStubResource.stub().next(Script.reply(List.of("Breathe ", "deeply."), 200, 20));
        String thread = start(alice, Map.of("mode", "coach"));
        talk(alice, thread, "How do I start my morning?");
        start(bob, Map.of("mode", "coach"));

        ExportParts.Part part = ExportParts.of(alice, "ai-usage-service", s3);

        assertEquals(1, part.rows("token_accounts").size());
        assertEquals(
                alice.toString(),
                part.rows("token_accounts").get(0).path("user_id").asText());
        List<Integer> grants = new ArrayList<>();
        part.rows("token_grants").forEach(g -> grants.add(g.path("amount").asInt()));
        Assertions.assertTrue(grants.contains(5000), "the admin's grant among " + grants);
        assertEquals(220, part.rows("token_usage").get(0).path("tokens_used").asInt());
        assertEquals(1, part.rows("conversations").size());
        assertEquals(thread, part.rows("conversations").get(0).path("id").asText());
        assertEquals(
                List.of("user: How do I start my morning?", "assistant: Breathe deeply."),
                messages(part.rows("ai_conversations")));
        for (String section :
                List.of("token_accounts", "token_grants", "token_usage", "conversations", "ai_conversations")) {
            part.rows(section)
                    .forEach(row ->
                            assertEquals(alice.toString(), row.path("user_id").asText(), section));
        }
    }

    private static List<String> messages(JsonNode rows) {
        List<String> lines = new ArrayList<>();
        rows.forEach(row ->
                lines.add(row.path("role").asText() + ": " + row.path("message").asText()));
        return lines;
    }
}
