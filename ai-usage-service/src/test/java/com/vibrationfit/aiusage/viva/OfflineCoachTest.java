package com.vibrationfit.aiusage.viva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineCoachTest {

    @Test
    void shouldNameTheAreasBelowTheGreenLineQuoteTheSectionAndAskOneQuestion() {
        String reply = OfflineCoach.write(CoachMode.REFINEMENT, "health", CoachPromptsTest.member(), "Help me");
        assertTrue(reply.startsWith("Thank you, Ada."), reply);
        assertTrue(reply.contains("Health & Vitality and Fun & Recreation below the Green Line"), reply);
        assertTrue(reply.contains("\u201cI wake up rested and strong.\u201d"), reply);
        assertTrue(reply.contains("Which sentence about Health & Vitality does not feel true yet"), reply);
        assertEquals(1, reply.chars().filter(c -> c == '?').count(), reply);
        assertEquals(reply, OfflineCoach.write(CoachMode.REFINEMENT, "health", CoachPromptsTest.member(), "Help me"));
    }

    @Test
    void shouldDraftASectionFromTheMembersOwnWordsInThePresentTense() {
        String draft = OfflineCoach.draft(
                "travel",
                Optional.empty(),
                List.of(
                        "I want to see Japan in spring. I don't want to fly cheap anymore.",
                        "What should I pack?",
                        "I'd like to travel with my sister"));
        assertEquals("I see Japan in spring. I travel with my sister.", draft);
        // Refining keeps what the vision says first, and says nothing twice.
        assertEquals(
                "I travel twice a year. I see Japan in spring.",
                OfflineCoach.draft(
                        "travel",
                        Optional.of("I travel twice a year."),
                        List.of("I will see Japan in spring.", "I travel twice a year.")));
        assertEquals(
                "I love my travel & adventure and it keeps growing.",
                OfflineCoach.draft("travel", Optional.empty(), List.of()));
    }

    @Test
    void shouldFollowTheAreaTheMessageNamesWhenTheThreadHasNone() {
        String reply =
                OfflineCoach.write(CoachMode.COACH, null, CoachPromptsTest.member(), "I keep worrying about money.");
        assertTrue(reply.contains("For Money & Wealth you wrote"), reply);
        assertTrue(reply.contains("What is one small step you can take this week that moves Money & Wealth"), reply);
    }

    @Test
    void shouldStartFromTheFirstAreaBelowTheLineOrInviteAVision() {
        assertTrue(OfflineCoach.write(CoachMode.VISION_BUILDER, null, CoachPromptsTest.member(), "hello")
                .contains("What does an ordinary, wonderful day look like in Health & Vitality"));
        String empty = OfflineCoach.write(CoachMode.MASTER, null, MemberContext.NOTHING, "hello");
        assertTrue(empty.contains("You have not written a vision yet"), empty);
        assertFalse(empty.contains("Green Line"), empty);
    }

    @Test
    void shouldStreamTheReplyAsDeltasAndReportNoUsage() {
        List<String> deltas = new ArrayList<>();
        String[] whole = new String[1];
        int[] usage = new int[2];
        new OfflineCoach()
                .reply(
                        CoachPrompts.build(CoachMode.COACH, "health", CoachPromptsTest.member(), List.of(), "hi", 100),
                        new ReplySink() {
                            public void delta(String text) {
                                deltas.add(text);
                            }

                            public void complete(String text, Integer in, Integer out) {
                                whole[0] = text;
                                usage[0] = in;
                                usage[1] = out;
                            }

                            public void failed(Throwable error) {
                                throw new AssertionError(error);
                            }

                            public boolean cancelled() {
                                return false;
                            }
                        });
        assertTrue(deltas.size() > 10);
        assertEquals(whole[0], String.join("", deltas));
        assertEquals(0, usage[0] + usage[1]);
    }
}
