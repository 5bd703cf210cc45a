package com.vibrationfit.assessment.bank;

import com.vibrationfit.events.LifeCategory;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/assessments/questions}: the bank as the member would answer it now. */
@Schema(name = "QuestionBank")
public record QuestionsView(
        int assessmentVersion,
        @Schema(maxItems = QuestionBank.CATEGORY_COUNT) List<Category> categories) {

    /** {@code alternative}: the alternative set chosen for the member (not_in_relationship, no_children), or null. */
    @Schema(name = "QuestionCategory")
    public record Category(
            @Schema(type = SchemaType.STRING, implementation = LifeCategory.class)
            String key,

            @Schema(maxLength = CategoryQuestions.TITLE_MAX_LENGTH)
            String title,

            @Schema(
                    description = "the alternative set chosen for you; null for the category's own questions",
                    enumeration = {AlternativeSet.NOT_IN_RELATIONSHIP, AlternativeSet.NO_CHILDREN})
            String alternative,

            @Schema(maxItems = QuestionBank.QUESTIONS_PER_CATEGORY)
            List<Question> questions) {}

    public static QuestionsView of(QuestionSet set, String onlyCategory) {
        return new QuestionsView(
                set.assessmentVersion(),
                set.categories().stream()
                        .filter(c -> onlyCategory == null || c.key().equals(onlyCategory))
                        .map(c -> new Category(c.key(), c.title(), c.alternative(), c.questions()))
                        .toList());
    }
}
