package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The part of the system prompt that grounds a reply in the member's own data. Only what coaching needs leaves
 * the service: no surname, e-mail, phone, address or birth date is ever sent to a provider. The section the
 * thread works on is quoted whole; other sections are shortened, so a long vision cannot crowd out the thread.
 */
public final class MemberBrief {

    /** Profile fields a coach may use, in the order they are told. */
    static final List<String> PROFILE_FIELDS = List.of(
            "first_name",
            "gender",
            "relationship_status",
            "relationship_length",
            "partner_name",
            "has_children",
            "number_of_children",
            "children_ages",
            "city",
            "country",
            "living_situation",
            "employment_type",
            "occupation",
            "time_in_role",
            "hobbies",
            "leisure_time_weekly",
            "travel_frequency",
            "close_friends_count",
            "social_preference",
            "lifestyle_category",
            "spiritual_practice",
            "meditation_frequency",
            "exercise_frequency",
            "current_story",
            "desired_story");

    static final int OTHER_SECTION_CHARACTERS = 280;
    static final int STORY_CHARACTERS = 600;

    private MemberBrief() {}

    public static String render(MemberContext context, String category) {
        StringBuilder brief = new StringBuilder("What you know about the member:\n");
        boolean any = false;
        if (context.profile().isPresent()) {
            any = true;
            Map<String, Object> fields = context.profile().get().fields();
            brief.append("\nProfile:\n");
            for (String field : PROFILE_FIELDS) {
                Object value = fields.get(field);
                if (value != null && !value.toString().isBlank()) {
                    brief.append("- ")
                            .append(field.replace('_', ' '))
                            .append(": ")
                            .append(shorten(value.toString(), STORY_CHARACTERS))
                            .append('\n');
                }
            }
        }
        if (context.vision().isPresent()) {
            any = true;
            MemberContext.Vision vision = context.vision().get();
            brief.append("\nLife Vision (version ")
                    .append(vision.versionNumber())
                    .append(", ")
                    .append(vision.status())
                    .append(vision.title() == null ? "" : ", \"" + vision.title() + "\"")
                    .append("):\n");
            for (Map.Entry<String, String> section : vision.sections().entrySet()) {
                boolean focus = section.getKey().equals(category);
                brief.append("- ")
                        .append(section.getKey())
                        .append(focus ? " (this conversation's area)" : "")
                        .append(": ")
                        .append(focus ? section.getValue() : shorten(section.getValue(), OTHER_SECTION_CHARACTERS))
                        .append('\n');
            }
            if (category != null && vision.section(category).isEmpty()) {
                brief.append("- ").append(category).append(" (this conversation's area): not written yet\n");
            }
        }
        if (context.assessment().isPresent()) {
            any = true;
            MemberContext.Assessment assessment = context.assessment().get();
            brief.append("\nLatest assessment (")
                    .append(assessment.overallPercentage())
                    .append(" % overall; Green Line per area):\n");
            brief.append(assessment.greenLine().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + scoreOf(assessment, e.getKey()))
                    .collect(Collectors.joining(", ", "- ", "\n")));
            for (MemberContext.Insight insight : assessment.insights()) {
                brief.append("- ")
                        .append(insight.insightType().replace('_', ' '))
                        .append(insight.category() == null ? "" : " (" + insight.category() + ")")
                        .append(": ")
                        .append(insight.title())
                        .append('\n');
            }
        }
        if (!any) {
            brief.append("Nothing yet: no committed profile, vision or assessment. Ask before assuming.\n");
        }
        return brief.toString();
    }

    private static String scoreOf(MemberContext.Assessment assessment, String category) {
        Integer score = assessment.categoryScores().get(category);
        return score == null ? "" : " (" + score + "/70)";
    }

    static String shorten(String text, int characters) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= characters) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', characters);
        return flat.substring(0, cut > characters / 2 ? cut : characters) + "…";
    }
}
