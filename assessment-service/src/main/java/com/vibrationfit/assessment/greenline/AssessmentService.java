package com.vibrationfit.assessment.greenline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.assessment.bank.Question;
import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.assessment.bank.QuestionSet;
import com.vibrationfit.assessment.events.AssessmentEvents;
import com.vibrationfit.assessment.insight.AssessmentInsight;
import com.vibrationfit.assessment.insight.Insight;
import com.vibrationfit.assessment.insight.InsightRepository;
import com.vibrationfit.assessment.insight.InsightRules;
import com.vibrationfit.assessment.profile.MemberProfiles;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.Unprocessable;
import com.vibrationfit.platform.paging.OffsetCursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules of an assessment: starting, answering (scores recomputed with every answer), completing, comparing. */
@ApplicationScoped
@Transactional
public class AssessmentService {

    private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> LINES = new TypeReference<>() {};
    private static final List<String> LINE_ORDER =
            List.of(GreenLine.BELOW_KEY, GreenLine.TRANSITION_KEY, GreenLine.ABOVE_KEY);

    @Inject
    AssessmentRepository assessments;

    @Inject
    ResponseRepository responses;

    @Inject
    InsightRepository insights;

    @Inject
    MemberProfiles profiles;

    @Inject
    QuestionBank bank;

    @Inject
    AssessmentEvents events;

    @Inject
    MemberLock memberLock;

    @Inject
    ObjectMapper json;

    /** The result of an answer, and whether it was the question's first. */
    public record Answered(AssessmentResponse response, boolean created) {}

    /** The questions the member would answer now (their active profile chooses the alternative sets). */
    public QuestionSet questionsFor(UUID userId) {
        return bank.questionsFor(
                profiles.circumstances(userId, profiles.active(userId).orElse(null)));
    }

    public AssessmentResult start(UUID userId, NewAssessment request) {
        UUID profileVersion = request.profileVersionId();
        if (profileVersion != null && !profiles.owns(userId, profileVersion)) {
            throw InvalidRequest.of("profile_version_id", "is not one of your profile versions");
        }
        if (request.notes() != null && request.notes().length() > 2000) {
            throw InvalidRequest.of("notes", "at most 2000 characters");
        }
        memberLock.hold(MemberLock.CHANGES, userId); // one assessment in progress per member
        assessments.inProgress(userId).ifPresent(existing -> {
            throw new Conflict("assessment " + existing.id + " is still in progress; complete or delete it first");
        });
        if (profileVersion == null) {
            profileVersion = profiles.active(userId).orElse(null);
        }
        Instant now = DatabaseClock.now();
        AssessmentResult result = new AssessmentResult();
        result.id = UUID.randomUUID();
        result.userId = userId;
        result.profileVersionId = profileVersion;
        result.status = AssessmentResult.IN_PROGRESS;
        result.assessmentVersion = bank.version();
        result.notes = request.notes();
        result.startedAt = now;
        result.createdAt = now;
        result.updatedAt = now;
        store(result, Scores.of(List.of()));
        assessments.persistAndFlush(result);
        events.started(result);
        return result;
    }

    public AssessmentResult get(UUID userId, UUID id) {
        return assessments.findOwned(userId, id).orElseThrow(() -> new NotFound("assessment", id));
    }

    public Page<AssessmentResult> list(UUID userId, String status, int limit, String cursor) {
        int offset = OffsetCursor.decode(cursor);
        List<AssessmentResult> rows = assessments.newestFirst(userId, status, offset, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, limit)), OffsetCursor.encode(offset + limit));
    }

    public void delete(UUID userId, UUID id) {
        AssessmentResult result = assessments.lockOwned(userId, id).orElseThrow(() -> new NotFound("assessment", id));
        assessments.delete(result); // responses and insights go with it (ON DELETE CASCADE)
        assessments.flush();
        events.deleted(result);
    }

    /** The questions of this assessment: chosen by the profile version it names, fixed for its whole life. */
    public QuestionSet questionsOf(AssessmentResult result) {
        return bank.questionsFor(profiles.circumstances(result.userId, result.profileVersionId));
    }

    public Answered answer(UUID userId, UUID id, String questionId, NewAnswer body) {
        AssessmentResult result = assessments.lockOwned(userId, id).orElseThrow(() -> new NotFound("assessment", id));
        QuestionSet questions = questionsOf(result);
        Question question = questions
                .question(questionId)
                .orElseThrow(() -> InvalidRequest.of(
                        "question_id", "is not a question of this assessment (see GET /api/v1/assessments/questions)"));
        if (body.responseValue() == null) {
            throw InvalidRequest.of("response_value", "is required: 2, 4, 6, 8 or 10");
        }
        var answer = question.answer(body.responseValue())
                .orElseThrow(() -> InvalidRequest.of("response_value", "must be 2, 4, 6, 8 or 10"));
        if (result.completed()) {
            throw new Conflict("assessment " + id + " is completed; its answers can no longer change");
        }
        Instant now = DatabaseClock.now();
        AssessmentResponse response = responses.find(id, questionId).orElse(null);
        boolean created = response == null;
        if (created) {
            response = new AssessmentResponse();
            response.id = UUID.randomUUID();
            response.assessmentId = id;
            response.questionId = questionId;
            response.createdAt = now;
        }
        response.questionText = question.text();
        response.category = questions.categoryOf(questionId).orElseThrow().key();
        response.responseValue = answer.value();
        response.responseText = answer.text();
        response.responseEmoji = answer.emoji();
        response.greenLine = answer.greenLine();
        response.answeredAt = now;
        response.updatedAt = now;
        if (created) {
            responses.persist(response);
        }
        responses.flush();
        store(
                result,
                Scores.of(responses.of(id).stream()
                        .map(r -> new Scores.Answered(r.category, r.responseValue))
                        .toList()));
        result.updatedAt = now;
        return new Answered(response, created);
    }

    public List<AssessmentResponse> responsesOf(UUID userId, UUID id) {
        AssessmentResult result = get(userId, id);
        Map<String, Integer> order = new LinkedHashMap<>();
        questionsOf(result).categoryByQuestion().keySet().forEach(q -> order.put(q, order.size()));
        return responses.of(id).stream()
                .sorted(Comparator.comparing(
                                (AssessmentResponse r) -> order.getOrDefault(r.questionId, Integer.MAX_VALUE))
                        .thenComparing(r -> r.questionId))
                .toList();
    }

    public AssessmentResult complete(UUID userId, UUID id) {
        AssessmentResult result = assessments.lockOwned(userId, id).orElseThrow(() -> new NotFound("assessment", id));
        if (result.completed()) {
            throw new Conflict("assessment " + id + " is already completed");
        }
        QuestionSet questions = questionsOf(result);
        List<AssessmentResponse> answered = responses.of(id);
        List<String> answeredIds = answered.stream().map(r -> r.questionId).toList();
        List<FieldError> missing = new ArrayList<>();
        questions.categoryByQuestion().keySet().stream()
                .filter(q -> !answeredIds.contains(q))
                .forEach(q -> missing.add(new FieldError("responses." + q, "unanswered")));
        if (!missing.isEmpty()) {
            throw new Unprocessable(missing.size() + " of " + questions.size() + " questions are unanswered", missing);
        }
        Scores scores = Scores.of(answered.stream()
                .map(r -> new Scores.Answered(r.category, r.responseValue))
                .toList());
        Instant now = DatabaseClock.now();
        store(result, scores);
        result.status = AssessmentResult.COMPLETED;
        result.completedAt = now;
        result.updatedAt = now;
        List<AssessmentInsight> written = writeInsights(result, questions, answered, scores, now);
        assessments.flush();
        events.completed(result, scores, written);
        return result;
    }

    public List<AssessmentInsight> insightsOf(UUID userId, UUID id, String category) {
        get(userId, id);
        return insights.of(id, category);
    }

    public BelowGreenLine belowGreenLine(UUID userId) {
        AssessmentResult latest = assessments
                .latestCompleted(userId)
                .orElseThrow(() -> new NotFound("you have no completed assessment yet"));
        Map<String, Integer> scores = scores(latest);
        List<BelowGreenLine.Category> below = lines(latest).entrySet().stream()
                .filter(e -> GreenLine.BELOW_KEY.equals(e.getValue()))
                .map(e -> new BelowGreenLine.Category(e.getKey(), scores.getOrDefault(e.getKey(), 0)))
                .toList();
        return new BelowGreenLine(latest.id, latest.completedAt, below);
    }

    public Comparison compare(UUID userId, UUID fromId, UUID toId) {
        AssessmentResult from = get(userId, fromId);
        AssessmentResult to = get(userId, toId);
        List<FieldError> unfinished = new ArrayList<>();
        if (!from.completed()) {
            unfinished.add(new FieldError("from", "assessment " + fromId + " is not completed"));
        }
        if (!to.completed()) {
            unfinished.add(new FieldError("to", "assessment " + toId + " is not completed"));
        }
        if (!unfinished.isEmpty()) {
            throw new Unprocessable("only completed assessments can be compared", unfinished);
        }
        Map<String, Integer> a = scores(from);
        Map<String, Integer> b = scores(to);
        Map<String, String> la = lines(from);
        Map<String, String> lb = lines(to);
        List<Comparison.Category> categories = QuestionBank.CATEGORIES.stream()
                .map(c -> {
                    int x = a.getOrDefault(c, 0);
                    int y = b.getOrDefault(c, 0);
                    String sa = la.get(c);
                    String sb = lb.get(c);
                    String crossed = null;
                    if (sa != null && sb != null && !sa.equals(sb)) {
                        crossed = LINE_ORDER.indexOf(sb) > LINE_ORDER.indexOf(sa) ? Comparison.UP : Comparison.DOWN;
                    }
                    return new Comparison.Category(c, x, y, y - x, sa, sb, crossed);
                })
                .toList();
        return new Comparison(
                fromId, toId, from.totalScore, to.totalScore, to.totalScore - from.totalScore, categories);
    }

    public AssessmentView view(AssessmentResult r) {
        int answered = (int) responses.count("assessmentId", r.id);
        return new AssessmentView(
                r.id,
                r.userId,
                r.profileVersionId,
                r.status,
                r.totalScore,
                r.maxPossibleScore,
                r.overallPercentage,
                scores(r),
                lines(r),
                r.startedAt,
                r.completedAt,
                r.createdAt,
                r.updatedAt,
                r.assessmentVersion,
                r.notes,
                answered,
                questionsOf(r).size());
    }

    public static ResponseView view(AssessmentResponse r) {
        return new ResponseView(
                r.id,
                r.assessmentId,
                r.questionId,
                r.questionText,
                r.category,
                r.responseValue,
                r.responseText,
                r.responseEmoji,
                r.greenLine,
                r.answeredAt,
                r.createdAt,
                r.updatedAt);
    }

    public Map<String, Integer> scores(AssessmentResult r) {
        return read(r.categoryScores, SCORES);
    }

    public Map<String, String> lines(AssessmentResult r) {
        return read(r.greenLineStatus, LINES);
    }

    private List<AssessmentInsight> writeInsights(
            AssessmentResult result,
            QuestionSet questions,
            List<AssessmentResponse> answered,
            Scores scores,
            Instant now) {
        Map<String, String> titles = new LinkedHashMap<>();
        questions.categories().forEach(c -> titles.put(c.key(), c.title()));
        List<InsightRules.Answered> facts = answered.stream()
                .map(r -> new InsightRules.Answered(
                        r.questionId,
                        r.category,
                        questions.question(r.questionId).map(Question::theme).orElse("other"),
                        r.questionText,
                        r.responseValue,
                        r.responseText))
                .toList();
        List<AssessmentInsight> written = new ArrayList<>();
        for (Insight insight : InsightRules.of(facts, scores, titles)) {
            AssessmentInsight row = new AssessmentInsight();
            row.id = UUID.randomUUID();
            row.assessmentId = result.id;
            row.category = insight.category();
            row.insightType = insight.insightType();
            row.title = insight.title();
            row.description = insight.description();
            row.confidenceScore = insight.confidenceScore();
            row.supportingResponses = write(insight.supportingResponses());
            row.createdAt = now;
            row.updatedAt = now;
            insights.persist(row);
            written.add(row);
        }
        return written;
    }

    private void store(AssessmentResult result, Scores scores) {
        result.categoryScores = write(scores.categoryScores());
        result.greenLineStatus = write(scores.greenLineStatus());
        result.totalScore = scores.totalScore();
        result.overallPercentage = scores.overallPercentage();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored == null ? "{}" : stored, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored scores are unreadable", e);
        }
    }
}
