package com.vibrationfit.aiusage.viva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CoachPromptsTest {

    static MemberContext member() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("first_name", "Ada");
        profile.put("last_name", "Lovelace");
        profile.put("email", "ada@example.com");
        profile.put("phone", "+44 1234");
        profile.put("date_of_birth", "1815-12-10");
        profile.put("relationship_status", "Married");
        profile.put("occupation", "Mathematician");
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("forward", "I live a life I love.");
        sections.put(
                "health",
                "I wake up rested and strong. I run by the river three mornings a week, and my body "
                        + "thanks me for it with energy that lasts the whole day long, from the first coffee to the last page.");
        sections.put("money", "M".repeat(1000));
        Map<String, String> greenLine = new LinkedHashMap<>();
        greenLine.put("health", "below");
        greenLine.put("money", "transition");
        greenLine.put("fun", "below");
        greenLine.put("travel", "above");
        return new MemberContext(
                Optional.of(new MemberContext.Profile(UUID.randomUUID(), 3, profile)),
                Optional.of(new MemberContext.Vision(UUID.randomUUID(), 2, "complete", "My Life", sections)),
                Optional.of(new MemberContext.Assessment(
                        UUID.randomUUID(),
                        61,
                        Map.of("health", 20, "money", 40),
                        greenLine,
                        List.of(new MemberContext.Insight("health", "growth_area", "Health needs care", "...")))));
    }

    @Test
    void shouldGroundThePromptInTheMembersOwnData() {
        CoachPrompt prompt =
                CoachPrompts.build(CoachMode.REFINEMENT, "health", member(), List.of(), "Help me sharpen this", 3000);
        String system = prompt.system();
        assertTrue(system.contains("first person and the present tense"));
        assertTrue(system.contains("never a therapist"));
        assertTrue(system.contains("Mode: refinement"));
        assertTrue(system.contains("first name: Ada"));
        assertTrue(system.contains("occupation: Mathematician"));
        // The area being discussed is quoted whole; other sections are shortened.
        assertTrue(system.contains(
                "health (this conversation's area): I wake up rested and strong. I run by the river three "
                        + "mornings a week, and my body thanks me for it with energy that lasts the whole day long, from the first "
                        + "coffee to the last page."));
        assertFalse(system.contains("M".repeat(300)));
        assertTrue(system.contains("M".repeat(200)));
        assertTrue(system.contains("health below (20/70)"));
        assertTrue(system.contains("fun below"));
        assertTrue(system.contains("growth area (health): Health needs care"));
        assertEquals("Help me sharpen this", prompt.message());
    }

    @Test
    void shouldNeverSendContactDetailsOrSurnamesToAProvider() {
        String system = CoachPrompts.build(CoachMode.COACH, null, member(), List.of(), "hi", 3000)
                .system();
        for (String secret : List.of("Lovelace", "ada@example.com", "+44 1234", "1815-12-10")) {
            assertFalse(system.contains(secret), secret);
        }
    }

    @Test
    void shouldSayWhenNothingIsKnownYet() {
        String system = CoachPrompts.build(
                        CoachMode.VISION_BUILDER, "fun", MemberContext.NOTHING, List.of(), "hi", 3000)
                .system();
        assertTrue(system.contains("Nothing yet"));
        assertTrue(system.contains("Mode: vision builder"));
    }

    @Test
    void shouldCarryTheMostRecentTurnsNotTheFirstTwenty() {
        List<PromptTurn> thread = IntStream.range(0, 60)
                .mapToObj(i -> new PromptTurn(i % 2 == 0 ? "user" : "assistant", "turn " + i + " " + "w".repeat(200)))
                .toList();
        CoachPrompt prompt = CoachPrompts.build(CoachMode.COACH, null, member(), thread, "and now?", 1000);
        assertTrue(prompt.history().size() < 20);
        assertEquals(thread.get(59), prompt.history().get(prompt.history().size() - 1));
        assertFalse(prompt.history().contains(thread.get(0)));
        int historyTokens =
                prompt.history().stream().mapToInt(PromptTurn::estimatedTokens).sum();
        assertTrue(historyTokens <= 1000);
        assertEquals(
                TokenEstimate.ofMessage(prompt.system()) + historyTokens + TokenEstimate.ofMessage("and now?"),
                prompt.estimatedInputTokens());
    }
}
