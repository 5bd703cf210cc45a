package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.member.MemberContext;
import com.vibrationfit.events.LifeCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VIVA without a provider: a deterministic coach that works from the member's own data. It names the areas below
 * the Green Line, quotes the vision section being discussed, and asks one concrete question in the mode's spirit.
 * Same input, same reply; costs nothing. Streamed word by word like a model's reply.
 */
public final class OfflineCoach implements CoachModel {

    public static final String MODEL = "offline-coach";

    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{20,240}?[.!?])(\\s|$)", Pattern.DOTALL);

    @Override
    public String name() {
        return MODEL;
    }

    @Override
    public boolean offline() {
        return true;
    }

    @Override
    public void reply(CoachPrompt prompt, ReplySink sink) {
        String text = prompt.proposal()
                ? draft(
                        prompt.proposalSection(),
                        prompt.context().vision().flatMap(v -> v.section(prompt.proposalSection())),
                        prompt.history().stream()
                                .filter(PromptTurn::fromMember)
                                .map(PromptTurn::text)
                                .toList())
                : write(prompt.mode(), prompt.category(), prompt.context(), prompt.message());
        Matcher words = Pattern.compile("\\S+\\s*").matcher(text);
        while (words.find()) {
            if (sink.cancelled()) {
                return;
            }
            sink.delta(words.group());
        }
        sink.complete(text, 0, 0);
    }

    /** The reply; plain code a unit test can read. */
    public static String write(CoachMode mode, String category, MemberContext context, String message) {
        StringBuilder reply = new StringBuilder();
        Optional<String> name = context.profile().flatMap(p -> p.text("first_name"));
        reply.append(name.map(n -> "Thank you, " + n + ". ").orElse("Thank you for sharing that. "));
        List<String> below = context.assessment()
                .map(MemberContext.Assessment::belowGreenLine)
                .orElse(List.of());
        // The area being discussed: the thread's, else one the message names, else the first below the Green Line.
        String area = category != null
                ? category
                : mentionedArea(message).orElse(below.stream().findFirst().orElse(null));
        if (!below.isEmpty()) {
            reply.append("Your latest assessment puts ")
                    .append(list(below.stream().map(OfflineCoach::title).toList()))
                    .append(" below the Green Line, so that is where small changes will count most. ");
        } else if (context.assessment().isPresent()) {
            reply.append(
                    "Your latest assessment has no area below the Green Line, which is a strong place to build from. ");
        }
        Optional<String> quoted = context.vision().flatMap(v -> v.section(area));
        if (area != null && quoted.isPresent()) {
            reply.append("For ")
                    .append(title(area))
                    .append(" you wrote: \u201c")
                    .append(firstSentence(quoted.get()))
                    .append("\u201d ");
        } else if (area != null && context.vision().isPresent()) {
            reply.append("Your vision has nothing for ").append(title(area)).append(" yet. ");
        } else if (context.vision().isEmpty()) {
            reply.append("You have not written a vision yet; we can start with any area you like. ");
        }
        reply.append(question(mode, area));
        return reply.toString();
    }

    /**
     * A section written from the member's own words, without a model: what their vision already says, then each
     * sentence they wrote in the thread about what they want, turned into the present tense ("I want to run" becomes
     * "I run"); sentences about what they do not want are left out. With nothing to go on, a one-line start.
     */
    public static String draft(String area, Optional<String> current, List<String> memberTurns) {
        List<String> sentences = new ArrayList<>();
        current.map(String::strip).filter(t -> !t.isEmpty()).ifPresent(sentences::add);
        for (String turn : memberTurns) {
            for (String sentence : turn.strip().split("(?<=[.!?])\\s+")) {
                String present = presentTense(sentence.strip());
                if (!present.isEmpty() && sentences.stream().noneMatch(s -> s.contains(present))) {
                    sentences.add(present);
                }
            }
        }
        if (sentences.isEmpty()) {
            return "I love my " + title(area).toLowerCase(Locale.ROOT) + " and it keeps growing.";
        }
        return String.join(" ", sentences);
    }

    private static final Pattern WANTING = Pattern.compile(
            "^I(?: really)?(?: want to| would like to|'d like to| wish I could| hope to| will| am going to| plan to) ",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WANTING =
            Pattern.compile("\\b(?:don't|do not|never|no longer|not|stop)\\b", Pattern.CASE_INSENSITIVE);

    /** A first-person wish in the present tense, ending with a full stop; "" for a negation or a question. */
    static String presentTense(String sentence) {
        if (sentence.isEmpty()
                || sentence.endsWith("?")
                || NOT_WANTING.matcher(sentence).find()) {
            return "";
        }
        String present = WANTING.matcher(sentence).replaceFirst("I ");
        present = Character.toUpperCase(present.charAt(0)) + present.substring(1);
        return present.matches(".*[.!]$") ? present : present + ".";
    }

    static String question(CoachMode mode, String area) {
        String place = area == null ? "the area that matters most to you right now" : title(area);
        return switch (mode) {
            case VISION_BUILDER ->
                "What does an ordinary, wonderful day look like in " + place
                        + ", told in the present tense as if it is already yours?";
            case REFINEMENT ->
                "Which sentence about " + place + " does not feel true yet, and how would you say it so that it does?";
            case COACH ->
                "What is one small step you can take this week that moves " + place + " toward what you wrote?";
            case MASTER ->
                "Looking across all twelve areas, which one would lift the others most if it thrived"
                        + (area == null ? "?" : ", and is it " + title(area) + "?");
        };
    }

    /** An area the member's message names by its key ("my health", "money worries"), the first in category order. */
    static Optional<String> mentionedArea(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String words = " " + message.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ") + " ";
        return LifeCategory.keys().stream()
                .filter(key -> words.contains(" " + key + " "))
                .findFirst();
    }

    static String firstSentence(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        Matcher sentence = FIRST_SENTENCE.matcher(flat);
        return sentence.find() ? sentence.group(1) : MemberBrief.shorten(flat, 240);
    }

    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** How an area is called in a sentence (an unknown key as it is). */
    private static String title(String key) {
        return LifeCategory.fromKey(key).map(LifeCategory::title).orElse(key);
    }
}
