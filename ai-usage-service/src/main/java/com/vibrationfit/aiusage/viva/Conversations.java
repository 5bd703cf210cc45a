package com.vibrationfit.aiusage.viva;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * VIVA's threads and their turns. Member operations run under the member's row-level-security context (another
 * member's thread is simply not there: 404); {@link #recentTurns} and {@link #append} are called by the coach as
 * system, for the member whose turn it is.
 */
@ApplicationScoped
@Transactional
public class Conversations {

    /** The longest title a thread may have (what the API documents for it). */
    public static final int MAX_TITLE = 200;

    static final int DERIVED_TITLE = 60;
    /** Keyset start of a newest-first list (every row is before it). */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public Conversation start(UUID me, NewConversation body) {
        NewConversation request = body == null ? new NewConversation(null, null, null, null) : body;
        Instant now = DatabaseClock.now();
        Conversation thread = new Conversation();
        thread.id = UUID.randomUUID();
        thread.userId = me;
        thread.mode = (request.mode() == null ? CoachMode.COACH : request.mode()).key();
        thread.category = request.category() == null ? null : request.category().key();
        thread.visionId = request.visionId();
        thread.title = request.title() == null ? null : title(request.title());
        thread.createdAt = now;
        thread.updatedAt = now;
        em.persist(thread);
        return thread;
    }

    /** The member's threads, latest activity first; {@code mode} filters. */
    @SuppressWarnings("unchecked")
    public Page<ConversationView> list(UUID me, String mode, PageRequest page) {
        if (mode != null && CoachMode.fromKey(mode).isEmpty()) {
            throw InvalidRequest.of("mode", "must be one of " + CoachMode.keys());
        }
        Cursor after = page.after();
        List<Conversation> rows = em.createNativeQuery("""
                select * from conversations
                where user_id = ?1 and (?2 = '' or mode = ?2)
                  and (coalesce(last_message_at, created_at), id) < (?3, ?4)
                order by coalesce(last_message_at, created_at) desc, id desc limit ?5""", Conversation.class)
                .setParameter(1, me)
                .setParameter(2, mode == null ? "" : mode)
                .setParameter(3, after == null ? END_OF_TIME : after.at())
                .setParameter(4, after == null ? new UUID(-1, -1) : after.id())
                .setParameter(5, page.fetchSize())
                .getResultList();
        return page.page(rows, c -> new Cursor(c.lastMessageAt != null ? c.lastMessageAt : c.createdAt, c.id))
                .map(ConversationView::of);
    }

    /** The member's thread; 404 when it is not theirs (row-level security hides it) or does not exist. */
    public Conversation visible(UUID me, UUID id) {
        Conversation thread = em.find(Conversation.class, id);
        if (thread == null || !thread.userId.equals(me)) {
            throw new NotFound("conversation", id);
        }
        return thread;
    }

    public Conversation rename(UUID me, UUID id, ConversationChanges patch) {
        InvalidRequest.requireBody(patch, "{\"title\": \"...\"}");
        if (patch.title() == null) {
            throw InvalidRequest.of("title", "is required");
        }
        String title = title(patch.title());
        Conversation thread = visible(me, id);
        thread.title = title;
        thread.updatedAt = DatabaseClock.now();
        return thread;
    }

    /** Deletes the thread and every turn in it (the foreign key cascades). */
    public void delete(UUID me, UUID id) {
        em.remove(visible(me, id));
    }

    /** The thread's turns, oldest first. */
    @SuppressWarnings("unchecked")
    public Page<MessageView> messages(UUID me, UUID id, PageRequest page) {
        visible(me, id);
        Cursor after = page.after();
        List<ConversationMessage> rows = em.createNativeQuery("""
                select * from ai_conversations
                where conversation_id = ?1 and (created_at, id) > (?2, ?3)
                order by created_at, id limit ?4""", ConversationMessage.class)
                .setParameter(1, id)
                .setParameter(2, after == null ? Instant.EPOCH : after.at())
                .setParameter(3, after == null ? new UUID(0, 0) : after.id())
                .setParameter(4, page.fetchSize())
                .getResultList();
        return page.page(rows, m -> new Cursor(m.createdAt, m.id)).map(this::view);
    }

    // ---- for the coach, as system ----------------------------------------------------------------------------

    /** The thread's last {@code max} turns, oldest first. */
    @SuppressWarnings("unchecked")
    public List<PromptTurn> recentTurns(UUID conversationId, int max) {
        List<Object[]> rows = em.createNativeQuery("""
                select role, message from ai_conversations where conversation_id = ?1
                order by created_at desc, id desc limit ?2""")
                .setParameter(1, conversationId)
                .setParameter(2, max)
                .getResultList();
        List<PromptTurn> turns = new ArrayList<>(rows.stream()
                .map(r -> new PromptTurn((String) r[0], (String) r[1]))
                .toList());
        Collections.reverse(turns);
        return turns;
    }

    /**
     * Adds a turn to the thread (locking it, so counts stay exact), names an untitled thread after its first message,
     * and returns the turn; null when the thread was deleted meanwhile.
     */
    public ConversationMessage append(
            UUID id,
            UUID conversationId,
            UUID userId,
            String role,
            String text,
            Map<String, Object> context,
            Usage usage) {
        Conversation thread = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        if (thread == null || !thread.userId.equals(userId)) {
            return null;
        }
        Instant now = DatabaseClock.now();
        ConversationMessage turn = new ConversationMessage();
        turn.id = id;
        turn.userId = userId;
        turn.conversationId = conversationId;
        turn.role = role;
        turn.message = text;
        turn.context = write(context);
        turn.createdAt = now;
        if (usage != null) {
            turn.usageId = usage.usageId();
            turn.tokensUsed = usage.tokensUsed();
            turn.inputTokens = usage.inputTokens();
            turn.outputTokens = usage.outputTokens();
            turn.model = usage.model();
        }
        em.persist(turn);
        thread.messageCount++;
        thread.lastMessageAt = now;
        thread.updatedAt = now;
        if (thread.title == null && ConversationMessage.USER.equals(role)) {
            thread.title = derivedTitle(text);
        }
        em.flush();
        return turn;
    }

    /** One stored turn by id, or null. */
    public ConversationMessage message(UUID id) {
        return em.find(ConversationMessage.class, id);
    }

    /** What an assistant turn cost. */
    public record Usage(UUID usageId, int tokensUsed, Integer inputTokens, Integer outputTokens, String model) {}

    public MessageView view(ConversationMessage m) {
        try {
            return new MessageView(
                    m.id,
                    m.conversationId,
                    m.role,
                    m.message,
                    json.readTree(m.context == null ? "{}" : m.context),
                    m.tokensUsed,
                    m.inputTokens,
                    m.outputTokens,
                    m.model,
                    m.usageId,
                    m.createdAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String title(String title) {
        String trimmed = title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw InvalidRequest.of("title", "must be 1 to " + MAX_TITLE + " characters");
        }
        return trimmed;
    }

    /** The start of the first message, cut at a word, as a thread's title until the member names it. */
    static String derivedTitle(String message) {
        String flat = message.strip().replaceAll("\\s+", " ");
        if (flat.length() <= DERIVED_TITLE) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', DERIVED_TITLE);
        return flat.substring(0, cut > DERIVED_TITLE / 2 ? cut : DERIVED_TITLE) + "…";
    }

    private String write(Map<String, Object> context) {
        try {
            return json.writeValueAsString(context == null ? Map.of() : context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
