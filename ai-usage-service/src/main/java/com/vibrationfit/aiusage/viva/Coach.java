package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.ledger.ReservationService;
import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.aiusage.ledger.TokenReservation;
import com.vibrationfit.aiusage.ledger.TokenUsage;
import com.vibrationfit.aiusage.ledger.UsageReport;
import com.vibrationfit.aiusage.ledger.UsageService;
import com.vibrationfit.aiusage.member.MemberContext;
import com.vibrationfit.aiusage.member.MemberContexts;
import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.db.TransientFailures;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.security.SystemContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * VIVA's turn, start to end. {@link #begin} checks the message, stores it and holds the estimated cost in one
 * transaction (a 402 stores nothing), all before anything reaches a model. {@link #reply} then streams the reply
 * and settles exactly once: the whole reply stored and the hold captured at the provider's reported usage, or
 * (model failure, client gone) the hold released and no reply stored. Settling survives a database outage of up
 * to {@link #SETTLE_PATIENCE}: it is retried, so an outage delays the stored reply and the charge but loses neither.
 */
@ApplicationScoped
public class Coach {

    public static final String ACTION_TYPE = "chat_conversation";
    /** A section VIVA writes where the member's vision has none yet. */
    public static final String DRAFTING = "vision_generation";
    /** A section VIVA rewrites from the member's text. */
    public static final String REFINING = "vision_refinement";

    public static final String CALLER = "ai-usage-service/viva";
    /** Turns read to build the history window from (the window keeps the most recent that fit its budget). */
    static final int HISTORY_ROWS = 200;

    static final Duration SETTLE_PATIENCE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(Coach.class);

    @Inject
    Conversations conversations;

    @Inject
    MemberContexts contexts;

    @Inject
    ReservationService reservations;

    @Inject
    UsageService usages;

    @Inject
    CoachModel model;

    @Inject
    Tracer tracer;

    @Inject
    VivaConfig config;

    /**
     * Settling (storing the reply, releasing the hold) retries transient failures (a database restarting) for up to
     * {@link #SETTLE_PATIENCE}: 250 ms, doubling to 5 s between attempts; any other failure at once.
     */
    private final Guard patiently = Guard.create()
            .withRetry()
            .maxRetries(-1)
            .maxDuration(SETTLE_PATIENCE.toMillis(), ChronoUnit.MILLIS)
            .delay(250, ChronoUnit.MILLIS)
            .jitter(50, ChronoUnit.MILLIS)
            .whenException(TransientFailures::isTransient)
            .beforeRetry(e -> LOG.infof("VIVA could not settle a reply yet (%s); retrying", e.getMessage()))
            .withExponentialBackoff()
            .factor(2)
            .maxDelay(5, ChronoUnit.SECONDS)
            .done()
            .done()
            .build();

    public boolean offline() {
        return model.offline();
    }

    public String modelName() {
        return model.name();
    }

    /** 400 for a bad message, 404 for a thread that is not the member's, 402 when the balance cannot hold the estimate. */
    public CoachTurn begin(UUID me, UUID conversationId, NewMessage body) {
        String message = checked(body);
        Conversation thread = conversations.visible(me, conversationId);
        return SystemContext.inNewTransactionFor(me, () -> prepare(me, thread, message, null));
    }

    /**
     * A turn asking VIVA to write one section of the member's vision: stored in the thread like any turn (the
     * instruction, or a default one), charged under {@link #DRAFTING} or {@link #REFINING}. 400 for an unknown
     * section or a too long instruction, 404, 402 as {@link #begin}.
     */
    public CoachTurn beginProposal(UUID me, UUID conversationId, NewProposal body) {
        InvalidRequest.requireBody(body, "{\"section\": \"health\"}");
        String section = body.checkedSection();
        if (body.instruction() != null
                && (body.instruction().isBlank() || body.instruction().length() > config.maxMessageCharacters())) {
            throw InvalidRequest.of(
                    "instruction",
                    "must be 1 to " + config.maxMessageCharacters() + " characters, or absent for the default");
        }
        String instruction = body.instruction() == null
                ? "Please write my " + LifeCategory.of(section).title() + " section from what we talked about."
                : body.instruction().strip();
        Conversation thread = conversations.visible(me, conversationId);
        return SystemContext.inNewTransactionFor(me, () -> prepare(me, thread, instruction, section));
    }

    String checked(NewMessage body) {
        InvalidRequest.requireBody(body, "{\"message\": \"...\"}");
        if (body.message() == null || body.message().isBlank()) {
            throw InvalidRequest.of("message", "is required");
        }
        if (body.message().length() > config.maxMessageCharacters()) {
            throw InvalidRequest.of("message", "must be at most " + config.maxMessageCharacters() + " characters");
        }
        return body.message().strip();
    }

    private CoachTurn prepare(UUID me, Conversation thread, String message, String proposalSection) {
        MemberContext context = contexts.of(me, thread.visionId);
        CoachMode mode = CoachMode.of(thread.mode);
        var history = conversations.recentTurns(thread.id, HISTORY_ROWS);
        CoachPrompt prompt = proposalSection == null
                ? CoachPrompts.build(mode, thread.category, context, history, message, config.historyBudgetTokens())
                : CoachPrompts.proposal(mode, proposalSection, context, history, message, config.historyBudgetTokens());
        String actionType = proposalSection == null
                ? ACTION_TYPE
                : context.vision().flatMap(v -> v.section(proposalSection)).isPresent() ? REFINING : DRAFTING;
        UUID reservation = null;
        int estimate = 0;
        if (!model.offline()) {
            estimate = prompt.inputTokensAtMost() + config.maxReplyTokens();
            reservation =
                    reservations.reserve(me, actionType, estimate, CALLER, config.reservationHold(), Opening.OPEN).id;
        }
        Map<String, Object> turnContext = new LinkedHashMap<>();
        turnContext.put("mode", mode.key());
        turnContext.put("category", thread.category);
        if (proposalSection != null) {
            turnContext.put("proposal", proposalSection);
        }
        ConversationMessage turn = conversations.append(
                UUID.randomUUID(), thread.id, me, ConversationMessage.USER, message, turnContext, null);
        if (turn == null) {
            throw new NotFound("conversation", thread.id); // deleted meanwhile: nothing is held or stored
        }
        return new CoachTurn(
                me,
                thread.id,
                conversations.view(turn),
                prompt,
                reservation,
                estimate,
                grounding(context),
                UUID.randomUUID(),
                actionType);
    }

    /** Starts the reply; the returned handle cancels it (the client went away). */
    public Reply reply(CoachTurn turn, ReplyListener listener) {
        // The model call is a span of the member's request, open until the reply settles (it streams on).
        Span span = tracer.spanBuilder("viva reply " + model.name())
                .setParent(Context.current())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.request.model", model.name())
                .setAttribute("vf.viva.offline", model.offline())
                .startSpan();
        Reply reply = new Reply(turn, listener, span);
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try (Scope scope = span.makeCurrent()) {
                model.reply(turn.prompt(), reply);
            } catch (RuntimeException e) {
                reply.failed(e);
            }
        });
        return reply;
    }

    /** One reply in flight: settles exactly once, whichever of complete, failed or cancel comes first. */
    public final class Reply implements ReplySink {
        private final CoachTurn turn;
        private final ReplyListener listener;
        private final Span span;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean cancelled;

        Reply(CoachTurn turn, ReplyListener listener, Span span) {
            this.turn = turn;
            this.listener = listener;
            this.span = span;
        }

        @Override
        public void delta(String text) {
            if (!cancelled && !settled.get() && text != null && !text.isEmpty()) {
                listener.delta(text);
            }
        }

        @Override
        public void complete(String text, Integer inputTokens, Integer outputTokens) {
            if (settled.compareAndSet(false, true)) {
                if (inputTokens != null && outputTokens != null) {
                    span.setAttribute("gen_ai.usage.input_tokens", inputTokens.longValue());
                    span.setAttribute("gen_ai.usage.output_tokens", outputTokens.longValue());
                }
                span.end();
                Infrastructure.getDefaultWorkerPool()
                        .execute(() -> finish(turn, text, inputTokens, outputTokens, listener));
            }
        }

        @Override
        public void failed(Throwable error) {
            if (settled.compareAndSet(false, true)) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR);
                span.end();
                LOG.warnf("VIVA reply in conversation %s failed: %s", turn.conversationId(), error.toString());
                Infrastructure.getDefaultWorkerPool().execute(() -> {
                    abandon(turn, "the model failed: " + error.getMessage());
                    listener.failed(new CoachUnavailable("VIVA could not finish this reply (the model failed); nothing "
                                    + "was charged and your message is kept, so you can send it again")
                            .toProblem());
                });
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        /** Nobody waits for the reply any more: stop the model at its next delta, release the hold, store nothing. */
        public void cancel() {
            cancelled = true;
            if (settled.compareAndSet(false, true)) {
                span.setAttribute("vf.viva.cancelled", true);
                span.end();
                LOG.infof("VIVA reply in conversation %s abandoned: the client went away", turn.conversationId());
                Infrastructure.getDefaultWorkerPool().execute(() -> abandon(turn, "the client went away"));
            }
        }
    }

    private void finish(
            CoachTurn turn, String text, Integer inputTokens, Integer outputTokens, ReplyListener listener) {
        CoachReply reply;
        try {
            reply = settle(turn, text, inputTokens, outputTokens);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "VIVA reply in conversation %s could not be stored; its hold lapses uncharged",
                    turn.conversationId());
            listener.failed(new CoachUnavailable("VIVA's reply could not be saved; nothing was charged").toProblem());
            return;
        }
        listener.done(reply, ReplyDone.of(reply));
    }

    /** Stores and charges the reply, retrying through transient failures; safe to repeat for one turn. */
    CoachReply settle(CoachTurn turn, String text, Integer inputTokens, Integer outputTokens) {
        return patiently.get(
                () -> SystemContext.inNewTransaction(
                        SystemContext.describe(turn.userId()), () -> store(turn, text, inputTokens, outputTokens)),
                CoachReply.class);
    }

    /**
     * The reply and its charge, in one transaction. The reply's id is fixed when the turn begins, so a retry after an
     * ambiguous commit (the connection lost while committing) finds the stored reply instead of storing it twice.
     */
    private CoachReply store(CoachTurn turn, String text, Integer inputTokens, Integer outputTokens) {
        ConversationMessage already = conversations.message(turn.replyId());
        if (already != null) {
            return new CoachReply(
                    turn.userMessage(),
                    conversations.view(already),
                    already.tokensUsed == null ? 0 : already.tokensUsed,
                    model.offline());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("conversation_id", turn.conversationId().toString());
        metadata.put("user_message_id", turn.userMessage().id().toString());
        TokenUsage usage;
        if (model.offline()) {
            metadata.put("coach", "offline");
            usage = usages.recordFree(turn.userId(), turn.actionType(), model.name(), 0, 0, metadata);
        } else {
            Integer input = inputTokens;
            Integer output = outputTokens;
            if (input == null || output == null) {
                // The provider reported no usage: charge the estimate of what was sent and received, and say so.
                input = turn.prompt().estimatedInputTokens();
                output = TokenEstimate.of(text);
                metadata.put("usage_estimated", true);
            }
            usage = reservations.captureReported(
                    turn.reservationId(),
                    new UsageReport(model.name(), input, output, null, null, null, true, null, metadata));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("mode", turn.prompt().mode().key());
        context.put("category", turn.prompt().category());
        context.put("coach", model.offline() ? "offline" : "provider");
        context.put("offline", model.offline());
        context.put("model", model.name());
        context.put("grounding", turn.grounding());
        if (turn.prompt().proposal()) {
            // A proposal for one section: the web app offers to put it into the member's draft.
            context.put("proposal", turn.prompt().proposalSection());
            context.put("action_type", turn.actionType());
        }
        ConversationMessage stored = conversations.append(
                turn.replyId(),
                turn.conversationId(),
                turn.userId(),
                ConversationMessage.ASSISTANT,
                text,
                context,
                new Conversations.Usage(
                        usage.id, usage.tokensUsed, usage.inputTokens, usage.outputTokens, usage.modelUsed));
        MessageView view = stored == null ? null : conversations.view(stored);
        return new CoachReply(turn.userMessage(), view, usage.tokensUsed, model.offline());
    }

    private void abandon(CoachTurn turn, String why) {
        if (turn.reservationId() == null) {
            return;
        }
        try {
            patiently.get(
                    () -> SystemContext.inNewTransaction(
                            "VIVA reply abandoned: " + why, () -> reservations.release(turn.reservationId())),
                    TokenReservation.class);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "VIVA hold %s could not be released (%s); it lapses by itself", turn.reservationId(), e.toString());
        }
    }

    /** What a reply is grounded in, recorded with it (ids and versions only, never the data). */
    private static Map<String, Object> grounding(MemberContext context) {
        Map<String, Object> grounding = new LinkedHashMap<>();
        context.profile().ifPresent(p -> grounding.put("profile_version", p.versionNumber()));
        context.vision().ifPresent(v -> {
            grounding.put("vision_id", v.visionId().toString());
            grounding.put("vision_version", v.versionNumber());
        });
        context.assessment().ifPresent(a -> {
            grounding.put("assessment_id", a.assessmentId().toString());
            grounding.put("below_green_line", a.belowGreenLine());
        });
        return grounding;
    }
}
