package com.vibrationfit.journal.entry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.journal.events.JournalEvents;
import com.vibrationfit.journal.stats.JournalStats;
import com.vibrationfit.journal.stats.Streaks;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.media.KnownMedia;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.Recording;
import com.vibrationfit.platform.paging.OffsetCursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The rules of the journal: writing entries, their media, and looking back over them. */
@ApplicationScoped
@Transactional
public class JournalService {

    private static final TypeReference<List<Recording>> RECORDINGS = new TypeReference<>() {};

    @Inject
    JournalEntryRepository entries;

    @Inject
    KnownMedia media;

    @Inject
    JournalEvents events;

    @Inject
    MediaLinks links;

    @Inject
    ObjectMapper json;

    public JournalEntry create(UUID userId, ZoneId zone, NewJournalEntry request) {
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID();
        entry.userId = userId;
        entry.date = request.date() != null ? request.date() : LocalDate.now(zone);
        entry.title = request.title();
        entry.content = request.content() == null ? "" : request.content();
        entry.categories = LifeCategory.keysOf(request.categories());
        entry.imageUrls = request.imageUrls() == null ? new ArrayList<>() : new ArrayList<>(request.imageUrls());
        Instant now = DatabaseClock.now();
        List<Recording> recordings = withDefaults(request.audioRecordings(), now);
        requireDistinctUrls(recordings);
        media.requireUploadedBy(userId, mediaFields(entry.imageUrls, recordings));
        entry.audioRecordings = write(media.withTranscripts(userId, recordings));
        entry.createdAt = now;
        entry.updatedAt = now;
        entries.persistAndFlush(entry);
        events.created(entry, mediaUrls(entry));
        return entry;
    }

    public JournalEntry get(UUID userId, UUID id) {
        return entries.findOwned(userId, id).orElseThrow(() -> new NotFound("journal entry", id));
    }

    public JournalEntry update(UUID userId, UUID id, String ifMatch, JournalEntryChanges changes) {
        JournalEntry entry = entries.lockOwned(userId, id).orElseThrow(() -> new NotFound("journal entry", id));
        ETags.checkIfMatch(ifMatch, etag(entry));
        List<String> before = mediaUrls(entry);
        Instant now = DatabaseClock.now();
        List<String> images = changes.imageUrls() != null ? new ArrayList<>(changes.imageUrls()) : entry.imageUrls;
        List<Recording> recordings =
                changes.audioRecordings() != null ? withDefaults(changes.audioRecordings(), now) : recordings(entry);
        if (changes.audioRecordings() != null) {
            requireDistinctUrls(recordings);
        }
        media.requireUploadedBy(userId, mediaFields(images, recordings));
        if (changes.audioRecordings() != null) {
            recordings = media.withTranscripts(userId, recordings);
        }
        if (changes.date() != null) {
            entry.date = changes.date();
        }
        if (changes.title() != null) {
            entry.title = changes.title().isEmpty() ? null : changes.title();
        }
        if (changes.content() != null) {
            entry.content = changes.content();
        }
        if (changes.categories() != null) {
            entry.categories = LifeCategory.keysOf(changes.categories());
        }
        entry.imageUrls = images;
        entry.audioRecordings = write(recordings);
        entry.updatedAt = now;
        entries.flush();
        events.updated(entry, before, mediaUrls(entry));
        return entry;
    }

    public void delete(UUID userId, UUID id) {
        JournalEntry entry = entries.lockOwned(userId, id).orElseThrow(() -> new NotFound("journal entry", id));
        entries.delete(entry);
        entries.flush();
        events.deleted(entry, mediaUrls(entry));
    }

    public JournalEntry addRecording(UUID userId, UUID id, Recording recording) {
        JournalEntry entry = entries.lockOwned(userId, id).orElseThrow(() -> new NotFound("journal entry", id));
        List<String> before = mediaUrls(entry);
        Instant now = DatabaseClock.now();
        List<Recording> recordings = new ArrayList<>(recordings(entry));
        // 409: the request is fine, the entry cannot take it (same bound as audio_recordings on create).
        if (recordings.size() >= JournalEntry.MAX_RECORDINGS) {
            throw new Conflict("audio_recordings: an entry holds at most " + JournalEntry.MAX_RECORDINGS
                    + " recordings; remove one first");
        }
        if (recordings.stream().anyMatch(existing -> existing.url().equals(recording.url()))) {
            throw new Conflict("audio_recordings: this entry already has a recording with this url");
        }
        media.requireUploadedBy(userId, Map.of("url", recording.url()));
        recordings.addAll(media.withTranscripts(userId, List.of(recording.withCreatedAtDefault(now))));
        entry.audioRecordings = write(recordings);
        entry.updatedAt = now;
        entries.flush();
        events.updated(entry, before, mediaUrls(entry));
        return entry;
    }

    public JournalEntry removeRecording(UUID userId, UUID id, int index) {
        JournalEntry entry = entries.lockOwned(userId, id).orElseThrow(() -> new NotFound("journal entry", id));
        List<Recording> recordings = new ArrayList<>(recordings(entry));
        if (index < 0 || index >= recordings.size()) {
            throw new NotFound("journal entry " + id + " has no recording at index " + index);
        }
        List<String> before = mediaUrls(entry);
        recordings.remove(index);
        entry.audioRecordings = write(recordings);
        entry.updatedAt = DatabaseClock.now();
        entries.flush();
        events.updated(entry, before, mediaUrls(entry));
        return entry;
    }

    public Page<JournalEntry> list(UUID userId, JournalFilter filter, int limit, String cursor) {
        int offset = OffsetCursor.decode(cursor);
        List<JournalEntry> rows = entries.search(userId, filter, offset, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, limit)), OffsetCursor.encode(offset + limit));
    }

    public List<JournalEntry> recent(UUID userId, int limit) {
        return entries.recent(userId, limit);
    }

    public JournalStats stats(UUID userId, ZoneId zone) {
        Map<String, Long> perCategory = new LinkedHashMap<>();
        LifeCategory.keys().forEach(key -> perCategory.put(key, 0L));
        entries.countByCategory(userId)
                .forEach(row -> perCategory.computeIfPresent((String) row[0], (k, v) -> ((Number) row[1]).longValue()));
        Map<String, Long> perMonth = new TreeMap<>();
        entries.countByMonth(userId).forEach(row -> perMonth.put((String) row[0], ((Number) row[1]).longValue()));
        Streaks.Result streaks = Streaks.of(entries.distinctDates(userId), LocalDate.now(zone));
        long total = perMonth.values().stream().mapToLong(Long::longValue).sum();
        return new JournalStats(total, perCategory, perMonth, streaks.current(), streaks.longest());
    }

    public JournalEntryView view(JournalEntry e) {
        return new JournalEntryView(
                e.id,
                e.userId,
                e.date,
                e.title,
                e.content,
                e.categories,
                e.imageUrls,
                links.links(e.imageUrls),
                links.recordings(recordings(e)),
                e.createdAt,
                e.updatedAt);
    }

    public static String etag(JournalEntry entry) {
        return ETags.of(entry.id, entry.updatedAt);
    }

    private List<Recording> recordings(JournalEntry entry) {
        try {
            return json.readValue(entry.audioRecordings, RECORDINGS);
        } catch (Exception e) {
            throw new IllegalStateException("stored audio_recordings of " + entry.id + " are unreadable", e);
        }
    }

    private String write(List<Recording> recordings) {
        try {
            return json.writeValueAsString(recordings);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> mediaUrls(JournalEntry entry) {
        List<String> urls = new ArrayList<>(entry.imageUrls == null ? List.of() : entry.imageUrls);
        recordings(entry).forEach(r -> urls.add(r.url()));
        return urls;
    }

    private static Map<String, String> mediaFields(List<String> images, List<Recording> recordings) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            fields.put("image_urls[" + i + "]", images.get(i));
        }
        for (int i = 0; i < recordings.size(); i++) {
            fields.put("audio_recordings[" + i + "].url", recordings.get(i).url());
        }
        return fields;
    }

    /** A URL at most once per entry: 400 naming each repeat, e.g. {@code audio_recordings[2].url}. */
    private static void requireDistinctUrls(List<Recording> recordings) {
        Map<String, Integer> first = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            Integer earlier = first.putIfAbsent(recordings.get(i).url(), i);
            if (earlier != null) {
                errors.add(new FieldError(
                        "audio_recordings[" + i + "].url",
                        "the same url as audio_recordings[" + earlier + "]; an entry holds a recording once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static List<Recording> withDefaults(List<Recording> recordings, Instant now) {
        return recordings == null
                ? List.of()
                : recordings.stream().map(r -> r.withCreatedAtDefault(now)).toList();
    }
}
