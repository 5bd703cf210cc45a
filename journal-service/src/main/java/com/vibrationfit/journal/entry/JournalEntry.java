package com.vibrationfit.journal.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A day's journal entry: a row of {@code journal_entries}. */
@Entity
@Table(name = "journal_entries")
public class JournalEntry extends PanacheEntityBase {

    /** Recordings one entry holds at most, on create, edit and append alike. */
    public static final int MAX_RECORDINGS = 20;

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int CONTENT_MAX_LENGTH = 100_000;
    /** One of each of the 12 life categories at most. */
    public static final int MAX_CATEGORIES = 12;

    public static final int MAX_IMAGES = 20;

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public LocalDate date;

    public String title;

    @Column(nullable = false)
    public String content = "";

    @Column(columnDefinition = "text[]")
    public List<String> categories = new ArrayList<>();

    @Column(name = "image_urls", columnDefinition = "text[]")
    public List<String> imageUrls = new ArrayList<>();

    /** The JSONB array as text; {@link JournalService} reads and writes it with the API's JSON rules. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "audio_recordings", nullable = false)
    public String audioRecordings = "[]";

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
