package com.vibrationfit.media.events;

import com.vibrationfit.media.narration.NarrationRepository;
import com.vibrationfit.media.objects.MediaObjectRepository;
import com.vibrationfit.media.objects.MediaReferences;
import com.vibrationfit.media.objects.StorageConfig;
import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * A deleted account leaves no row and no object behind (keys whose upload URL is still alive are swept
 * again once it has expired).
 */
@ApplicationScoped
public class MediaUserData implements UserDataPurger, UserDataExporter {

    @Inject
    NarrationRepository tracks;

    @Inject
    MediaObjectRepository objects;

    @Inject
    MediaReferences references;

    @Inject
    StorageConfig config;

    @Inject
    EntityManager em;

    @Override
    public void purge(UUID userId) {
        tracks.deleteUser(userId);
        // An upload URL handed out before the deletion may still put bytes back under the member's prefix
        // after it was emptied: remember every key whose URL can still be used, and sweep it once it cannot.
        em.createNativeQuery("""
                insert into revoked_upload_keys (s3_key, user_id, sweep_after)
                select s3_key, user_id, expires_at + make_interval(secs => ?2) from media_objects
                where user_id = ?1 and expires_at + make_interval(secs => ?2) > now()
                on conflict (s3_key) do nothing""")
                .setParameter(1, userId)
                .setParameter(2, (double) config.uploadExpiryMargin().toSeconds())
                .executeUpdate();
        em.createNativeQuery("delete from narration_regenerations where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("delete from transcriptions where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        objects.deleteAllOf(userId);
        references.deleteAllOf(userId);
        // The objects under users/{id}/ go once this commits (MemberObjectSweeper, vf.deletion.owned-objects=member),
        // until S3 confirms: an S3 outage delays them without holding the rows back.
    }

    /**
     * The list of uploads and narration tracks, and their bytes: every uploaded object and every completed
     * track goes into the archive under {@code media/}.
     */
    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows("media_objects", """
                select id, user_id, s3_key, purpose, content_type, size_bytes, state, created_at, uploaded_at
                from media_objects where user_id = ?1 and state = 'uploaded' order by created_at""");
        part.rows("audio_tracks", "select * from audio_tracks where user_id = ?1 order by created_at");
        part.rows("transcriptions", """
                select object_id, user_id, status, text, language, duration_seconds, note, created_at, updated_at
                from transcriptions where user_id = ?1 order by created_at""");
        @SuppressWarnings("unchecked")
        List<Object[]> uploaded =
                em.createNativeQuery("""
                select s3_key, content_type, size_bytes from media_objects
                where user_id = ?1 and state = 'uploaded' order by created_at""").setParameter(1, userId).getResultList();
        uploaded.forEach(o -> part.file((String) o[0], (String) o[1], ((Number) o[2]).longValue()));
        List<String> tracks =
                em.createNativeQuery("""
                select s3_key from audio_tracks where user_id = ?1 and status = 'completed' and s3_key is not null
                order by created_at""", String.class).setParameter(1, userId).getResultList();
        tracks.forEach(key -> part.file(key, "audio/mpeg", null));
    }
}
