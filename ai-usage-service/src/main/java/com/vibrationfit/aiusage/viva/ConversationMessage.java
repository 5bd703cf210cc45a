package com.vibrationfit.aiusage.viva;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One turn of a thread: a row of {@code ai_conversations} as in the original Supabase schema, with the thread
 * and (assistant) usage added.
 */
@Entity
@Table(name = "ai_conversations")
public class ConversationMessage {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    public UUID conversationId;

    @Column(nullable = false)
    public String message;

    @Column(nullable = false)
    public String role;

    @JdbcTypeCode(SqlTypes.JSON)
    public String context = "{}";

    public UUID usageId;
    public Integer tokensUsed;
    public Integer inputTokens;
    public Integer outputTokens;
    public String model;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;
}
