package com.vibrationfit.assessment.bank;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/assessments/questions}: the bank as the member would answer it now. */
@Schema(name = "QuestionBank")
public record QuestionsView(int assessmentVersion, List<Category> categories) {

    /** {@code alternative}: the alternative set chosen for the member (not_in_relationship, no_children), or null. */
    @Schema(name = "QuestionCategory")
    public record Category(String key, String title, String alternative, List<Question> questions) {}

    public static QuestionsView of(QuestionSet set, String onlyCategory) {
        return new QuestionsView(
                set.assessmentVersion(),
                set.categories().stream()
                        .filter(c -> onlyCategory == null || c.key().equals(onlyCategory))
                        .map(c -> new Category(c.key(), c.title(), c.alternative(), c.questions()))
                        .toList());
    }
}
