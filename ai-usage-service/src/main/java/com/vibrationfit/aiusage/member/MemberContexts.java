package com.vibrationfit.aiusage.member;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.AssessmentCompleted;
import com.vibrationfit.events.AssessmentDeleted;
import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.events.ProfileCommitted;
import com.vibrationfit.events.SectionSnapshot;
import com.vibrationfit.events.VisionDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The member data VIVA answers from, projected from {@code profile.events}, {@code vision.events} and
 * {@code assessment.events} into this service's database (so answering a message calls no other
 * service). Consumers write it as system; {@link #of} reads it as system for the member whose turn it is.
 */
@ApplicationScoped
@Transactional
public class MemberContexts {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> NUMBERS = new TypeReference<>() {};
    private static final TypeReference<List<MemberContext.Insight>> INSIGHTS = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    // ---- projections ------------------------------------------------------------------------------------

    /** The committed profile is now this version, unless a later version is held (an old event replayed). */
    public void profileCommitted(ProfileCommitted committed) {
        em.createNativeQuery("""
                insert into member_profiles (user_id, profile_id, version_number, profile, updated_at)
                values (?1, ?2, ?3, cast(?4 as jsonb), now())
                on conflict (user_id) do update set profile_id = excluded.profile_id,
                  version_number = excluded.version_number, profile = excluded.profile, updated_at = now()
                where member_profiles.version_number <= excluded.version_number""")
                .setParameter(1, committed.userId())
                .setParameter(2, committed.profileId())
                .setParameter(3, committed.versionNumber())
                .setParameter(4, write(committed.profile() == null ? Map.of() : committed.profile()))
                .executeUpdate();
    }

    /**
     * A vision was created, edited or completed: the event carries every section, so it replaces the row, unless
     * the row came from a later event ({@code at}, the event's time: an old event replayed changes nothing).
     */
    public void visionChanged(
            UUID visionId,
            UUID userId,
            int versionNumber,
            String status,
            String title,
            List<SectionSnapshot> sections,
            Instant at) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (SectionSnapshot section : sections == null ? List.<SectionSnapshot>of() : sections) {
            if (section.text() != null && !section.text().isBlank()) {
                texts.put(section.key(), section.text());
            }
        }
        em.createNativeQuery("""
                insert into member_visions (vision_id, user_id, version_number, status, title, sections, updated_at,
                  source_time)
                select ?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), now(), ?7
                where not exists (select 1 from deleted_visions where vision_id = ?1)
                on conflict (vision_id) do update set version_number = excluded.version_number, status = excluded.status,
                  title = excluded.title, sections = excluded.sections, updated_at = now(), source_time = excluded.source_time
                where member_visions.source_time is null or excluded.source_time is null
                   or member_visions.source_time <= excluded.source_time""")
                .setParameter(1, visionId)
                .setParameter(2, userId)
                .setParameter(3, versionNumber)
                .setParameter(4, status)
                .setParameter(5, title)
                .setParameter(6, write(texts))
                .setParameter(7, at)
                .executeUpdate();
    }

    /**
     * The member completed or activated this version at {@code at}: it is their active one unless a later
     * activation is already known (events of one member arrive in order, a replayed dead letter may not).
     */
    public void visionActivated(UUID visionId, Instant at) {
        em.createNativeQuery("""
                update member_visions set activated_at = ?2
                where vision_id = ?1 and (activated_at is null or activated_at < ?2)""").setParameter(1, visionId).setParameter(2, at).executeUpdate();
    }

    /** Forgets the vision and remembers it as deleted: an event about it replayed later changes nothing. */
    public void visionDeleted(VisionDeleted deleted) {
        em.createNativeQuery("delete from member_visions where vision_id = ?1")
                .setParameter(1, deleted.visionId())
                .executeUpdate();
        em.createNativeQuery("insert into deleted_visions (vision_id, user_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, deleted.visionId())
                .setParameter(2, deleted.userId())
                .executeUpdate();
    }

    public void assessmentCompleted(AssessmentCompleted completed) {
        List<MemberContext.Insight> insights = completed.insights() == null
                ? List.of()
                : completed.insights().stream()
                        .map(i -> new MemberContext.Insight(i.category(), i.insightType(), i.title(), i.description()))
                        .toList();
        em.createNativeQuery("""
                insert into member_assessments (assessment_id, user_id, completed_at, overall_percentage, category_scores,
                  green_line_status, insights)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb), cast(?7 as jsonb))
                on conflict (assessment_id) do nothing""")
                .setParameter(1, completed.assessmentId())
                .setParameter(2, completed.userId())
                .setParameter(3, completed.completedAt() == null ? Instant.now() : completed.completedAt())
                .setParameter(4, completed.overallPercentage())
                .setParameter(5, write(completed.categoryScores()))
                .setParameter(6, write(completed.greenLineStatus()))
                .setParameter(7, write(insights))
                .executeUpdate();
    }

    public void assessmentDeleted(AssessmentDeleted deleted) {
        em.createNativeQuery("delete from member_assessments where assessment_id = ?1")
                .setParameter(1, deleted.assessmentId())
                .executeUpdate();
    }

    public void deleteAllOf(UUID userId) {
        for (String table : List.of("member_profiles", "member_visions", "member_assessments", "deleted_visions")) {
            em.createNativeQuery("delete from " + table + " where user_id = ?1")
                    .setParameter(1, userId)
                    .executeUpdate();
        }
    }

    // ---- reads --------------------------------------------------------------------------------------------

    /**
     * What VIVA knows about {@code userId}. The vision is {@code visionId} when the thread names one of theirs,
     * else their newest complete vision, else their newest draft.
     */
    public MemberContext of(UUID userId, UUID visionId) {
        return new MemberContext(profile(userId), vision(userId, visionId), assessment(userId));
    }

    @SuppressWarnings("unchecked")
    private Optional<MemberContext.Profile> profile(UUID userId) {
        List<Object[]> rows = em.createNativeQuery(
                        "select profile_id, version_number, cast(profile as text) from member_profiles where user_id = ?1")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new MemberContext.Profile(
                        (UUID) r[0], ((Number) r[1]).intValue(), read((String) r[2], OBJECT)));
    }

    @SuppressWarnings("unchecked")
    private Optional<MemberContext.Vision> vision(UUID userId, UUID visionId) {
        List<Object[]> rows = em.createNativeQuery("""
                select vision_id, version_number, status, title, cast(sections as text) from member_visions
                where user_id = ?1
                order by (vision_id = cast(?2 as uuid)) desc nulls last, activated_at desc nulls last,
                  (status = 'complete') desc, version_number desc
                limit 1""")
                .setParameter(1, userId)
                .setParameter(2, visionId == null ? null : visionId.toString())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new MemberContext.Vision(
                        (UUID) r[0],
                        ((Number) r[1]).intValue(),
                        (String) r[2],
                        (String) r[3],
                        ordered(read((String) r[4], TEXTS))));
    }

    @SuppressWarnings("unchecked")
    private Optional<MemberContext.Assessment> assessment(UUID userId) {
        List<Object[]> rows = em.createNativeQuery("""
                select assessment_id, overall_percentage, cast(category_scores as text), cast(green_line_status as text),
                       cast(insights as text)
                from member_assessments where user_id = ?1 order by completed_at desc limit 1""").setParameter(1, userId).getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new MemberContext.Assessment(
                        (UUID) r[0],
                        ((Number) r[1]).intValue(),
                        ordered(read((String) r[2], NUMBERS)),
                        ordered(read((String) r[3], TEXTS)),
                        read((String) r[4], INSIGHTS)));
    }

    /** JSONB does not keep key order: put categories back in the product's order (forward first, conclusion last). */
    private static <V> Map<String, V> ordered(Map<String, V> byKey) {
        Map<String, V> ordered = new LinkedHashMap<>();
        if (byKey.containsKey("forward")) {
            ordered.put("forward", byKey.get("forward"));
        }
        for (String key : LifeCategory.keys()) {
            if (byKey.containsKey(key)) {
                ordered.put(key, byKey.get(key));
            }
        }
        byKey.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
