package com.vibrationfit.assessment.greenline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.assessment.bank.Question;
import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.assessment.bank.QuestionsView;
import com.vibrationfit.assessment.insight.AssessmentInsight;
import com.vibrationfit.assessment.insight.InsightRules;
import com.vibrationfit.assessment.insight.InsightView;
import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assessments")
@Tag(name = "Assessments", description = "The Green Line self-assessment: questions, answers, scores and insights")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private static final Set<String> STATUSES =
            Set.of(AssessmentResult.NOT_STARTED, AssessmentResult.IN_PROGRESS, AssessmentResult.COMPLETED);
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    @Inject
    AssessmentService assessments;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/questions")
    @Operation(
            summary = "The questions, in the canonical category order",
            description = "Where your committed profile "
                    + "says a category's questions do not fit (not in a relationship: romance; no children: family), that category "
                    + "offers its alternative set of 7, named by `alternative`.")
    public QuestionsView questions(
            @Parameter(
                            description = "one of the 12 category keys",
                            schema = @Schema(implementation = LifeCategory.class))
                    @QueryParam("category")
                    String category) {
        return QuestionsView.of(assessments.questionsFor(user.id()), category(category));
    }

    @POST
    @Operation(summary = "Start an assessment", description = "status in_progress, started_at now; one at a time.")
    @APIResponseSchema(value = AssessmentView.class, responseCode = "201", responseDescription = "Started")
    @APIResponse(responseCode = "400", description = "profile_version_id is not one of your profile versions")
    @APIResponse(responseCode = "409", description = "An assessment of yours is still in progress")
    public Response start(NewAssessment body) {
        AssessmentResult result = assessments.start(user.id(), body == null ? new NewAssessment(null, null) : body);
        return Response.created(URI.create("/api/v1/assessments/" + result.id))
                .entity(assessments.view(result))
                .build();
    }

    @GET
    @Operation(summary = "My assessments, newest first")
    public Page<AssessmentView> list(
            @Parameter(
                            description = "not_started, in_progress or completed",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                AssessmentResult.NOT_STARTED,
                                                AssessmentResult.IN_PROGRESS,
                                                AssessmentResult.COMPLETED
                                            }))
                    @QueryParam("status")
                    String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidRequest.of(
                    "status", "must be one of " + STATUSES.stream().sorted().toList());
        }
        PageRequest page = PageRequest.of(limit, null);
        return assessments.list(user.id(), status, page.limit(), cursor).map(assessments::view);
    }

    @GET
    @Path("/latest/below-green-line")
    @Operation(summary = "The categories below the Green Line in my latest completed assessment")
    @APIResponseSchema(
            value = BelowGreenLine.class,
            responseCode = "200",
            responseDescription =
                    "The categories below the line, canonical order (none: every category is on or above it)")
    @APIResponse(responseCode = "404", description = "You have no completed assessment")
    public BelowGreenLine belowGreenLine() {
        return assessments.belowGreenLine(user.id());
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Compare two of my completed assessments, category by category")
    @APIResponse(responseCode = "400", description = "from or to missing or not an id")
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    @APIResponse(responseCode = "422", description = "One of them is not completed")
    @APIResponseSchema(
            value = Comparison.class,
            responseCode = "200",
            responseDescription =
                    "Every category: both scores, the change, both Green Line statuses and any line crossed")
    public Comparison compare(
            @Parameter(
                            description = "the id of one of your completed assessments",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "the id of another of your completed assessments",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("to")
                    String to) {
        List<FieldError> errors = new ArrayList<>();
        UUID a = uuid("from", from, errors);
        UUID b = uuid("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return assessments.compare(user.id(), a, b);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my assessments: scores and Green Line per category")
    @APIResponseSchema(value = AssessmentView.class, responseCode = "200", responseDescription = "The assessment")
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    public AssessmentView get(@PathParam("id") UUID id) {
        return assessments.view(assessments.get(user.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an assessment with its answers and insights")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    public Response delete(@PathParam("id") UUID id) {
        assessments.delete(user.id(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/responses/{question_id}")
    @Operation(
            summary = "Answer a question (again)",
            description = "Send only response_value (2, 4, 6, 8 or 10): the "
                    + "question and answer texts, emoji, category and Green Line class come from the bank. Scores are "
                    + "recomputed with every answer.")
    @APIResponseSchema(
            value = ResponseView.class,
            responseCode = "201",
            responseDescription = "First answer to this question")
    @APIResponse(
            responseCode = "200",
            description = "The answer replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "400", description = "Unknown question_id or a value outside 2/4/6/8/10")
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    @APIResponse(responseCode = "409", description = "The assessment is completed")
    public Response answer(
            @PathParam("id") UUID id,
            @PathParam("question_id") @Size(max = Question.ID_MAX_LENGTH) String questionId,
            NewAnswer body) {
        InvalidRequest.requireBody(body, "{\"response_value\": 2|4|6|8|10}");
        AssessmentService.Answered answered = assessments.answer(user.id(), id, questionId, body);
        return Response.status(answered.created() ? 201 : 200)
                .entity(AssessmentService.view(answered.response()))
                .build();
    }

    @GET
    @Path("/{id}/responses")
    @Operation(summary = "My answers of an assessment, in the bank's order")
    @APIResponse(
            responseCode = "200",
            description = "The answers so far (all of them once completed)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ResponseView.class,
                                            maxItems = QuestionBank.QUESTIONS)))
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    public List<ResponseView> responses(@PathParam("id") UUID id) {
        return assessments.responsesOf(user.id(), id).stream()
                .map(AssessmentService::view)
                .toList();
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete: final scores and Green Line, insights written, assessment.completed published")
    @APIResponseSchema(value = AssessmentView.class, responseCode = "200", responseDescription = "Completed")
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    @APIResponse(responseCode = "409", description = "Already completed")
    @APIResponse(
            responseCode = "422",
            description = "Questions are unanswered: each is named (responses.<question_id>)")
    public AssessmentView complete(@PathParam("id") UUID id) {
        return assessments.view(assessments.complete(user.id(), id));
    }

    @GET
    @Path("/{id}/insights")
    @Operation(summary = "The insights of a completed assessment, highest confidence first")
    @APIResponse(
            responseCode = "200",
            description = "The insights (none before the assessment is completed)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = InsightView.class,
                                            maxItems = InsightRules.MAX_INSIGHTS)))
    @APIResponse(responseCode = "404", description = "No such assessment of yours")
    public List<InsightView> insights(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "one of the 12 category keys",
                            schema = @Schema(implementation = LifeCategory.class))
                    @QueryParam("category")
                    String category) {
        return assessments.insightsOf(user.id(), id, category(category)).stream()
                .map(this::view)
                .toList();
    }

    private InsightView view(AssessmentInsight i) {
        try {
            List<String> ids = i.supportingResponses == null ? List.of() : json.readValue(i.supportingResponses, IDS);
            return new InsightView(
                    i.id,
                    i.assessmentId,
                    i.category,
                    i.insightType,
                    i.title,
                    i.description,
                    i.confidenceScore,
                    ids,
                    i.createdAt,
                    i.updatedAt);
        } catch (Exception e) {
            throw new IllegalStateException("stored supporting_responses are unreadable", e);
        }
    }

    private static String category(String category) {
        if (category != null && !QuestionBank.CATEGORIES.contains(category)) {
            throw InvalidRequest.of("category", "must be one of " + QuestionBank.CATEGORIES);
        }
        return category;
    }

    private static UUID uuid(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: the id of one of your completed assessments"));
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be an assessment id (a UUID)"));
            return null;
        }
    }
}
