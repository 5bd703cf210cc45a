package com.vibrationfit.profile.export;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.events.UserExportPartReady;
import com.vibrationfit.events.UserExportRequested;
import com.vibrationfit.platform.db.RequestWindow;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.export.ExportObjects;
import com.vibrationfit.platform.export.ExportPartListener;
import com.vibrationfit.platform.inbox.DeletedMembers;
import com.vibrationfit.platform.json.Texts;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The export records. A request is stored and {@code user.export.requested} written to the outbox in one
 * transaction; each service's {@code user.export.part.ready} is recorded once; the job then assembles exports
 * whose parts are all in, fails those whose deadline passed first (naming the services missing) and deletes
 * archives past their keep time. Members read their own exports (row-level security); the rest runs as system.
 */
@ApplicationScoped
@Transactional
public class AccountExportService implements ExportPartListener {

    private static final Logger LOG = Logger.getLogger(AccountExportService.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ExportConfig config;

    @Inject
    AccountExportJob job;

    @Inject
    DeletedMembers deletedMembers;

    /** Starts an export for the member (as the member); 409 while another one is still collecting. */
    public AccountExport request(UUID userId) {
        Optional<AccountExport> running = latest(userId).filter(e -> AccountExport.COLLECTING.equals(e.state()));
        if (running.isPresent()) {
            throw new Conflict("an export is already being prepared: "
                    + running.get().id() + "; follow it at /api/v1/account/exports/"
                    + running.get().id());
        }
        requireAllowance(userId);
        UUID id = UUID.randomUUID();
        Instant now = DatabaseClock.now();
        em.createNativeQuery("""
                insert into account_exports (id, user_id, state, expected_parts, requested_at, deadline_at)
                values (?1, ?2, 'collecting', string_to_array(?3, ','), ?4, ?5)""")
                .setParameter(1, id)
                .setParameter(2, userId)
                .setParameter(3, String.join(",", config.parts()))
                .setParameter(4, now)
                .setParameter(5, now.plus(config.partTimeout()))
                .executeUpdate();
        outbox.record(
                Topics.IDENTITY, EventType.USER_EXPORT_REQUESTED, userId, new UserExportRequested(id, userId, now));
        LOG.infof("export %s requested by %s", id, userId);
        return find(userId, id);
    }

    /**
     * 429 once the member asked for {@code max-per-window} exports within the window, with the time until the
     * oldest of them leaves it. Exports that failed do not count: they were not the member's doing. No lock is
     * needed: only one export per member can be collecting (unique index), so two requests cannot both pass.
     */
    private void requireAllowance(UUID userId) {
        new RequestWindow("account_exports", "state <> 'failed'", config.maxPerWindow(), config.window())
                .requireRoom(
                        em,
                        userId,
                        "at most " + config.maxPerWindow() + " exports per "
                                + config.window().toHours()
                                + " hours; the newest ones are listed at /api/v1/account/exports");
    }

    /** The member's export; 404 for anyone else's (row-level security hides it too). */
    public AccountExport find(UUID userId, UUID id) {
        return byId(id).filter(e -> e.userId().equals(userId)).orElseThrow(() -> new NotFound("export", id));
    }

    /** The member's exports, newest first (at most {@code limit}). */
    @SuppressWarnings("unchecked")
    public List<AccountExport> list(UUID userId, int limit) {
        List<Object[]> rows = em.createNativeQuery("select " + AccountExport.COLUMNS
                        + " from account_exports where user_id = ?1 order by requested_at desc limit ?2")
                .setParameter(1, userId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(AccountExport::of).toList();
    }

    private Optional<AccountExport> latest(UUID userId) {
        return list(userId, 1).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    Optional<AccountExport> byId(UUID id) {
        List<Object[]> rows = em.createNativeQuery(
                        "select " + AccountExport.COLUMNS + " from account_exports where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(AccountExport::of);
    }

    @SuppressWarnings("unchecked")
    public List<ReceivedPart> parts(UUID exportId) {
        List<Object[]> rows =
                em.createNativeQuery("""
                select service, object_key, size_bytes, file_count, received_at from account_export_parts
                where export_id = ?1 order by received_at, service""").setParameter(1, exportId).getResultList();
        return rows.stream()
                .map(r -> new ReceivedPart(
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).intValue(),
                        DatabaseClock.instantOf(r[4])))
                .toList();
    }

    /**
     * A service's part arrived (inbox transaction, once per event). Parts of unknown exports, of exports no longer
     * collecting, from services not expected, or pointing outside the member's export folder are ignored.
     */
    @Override
    public void partReady(UserExportPartReady part) {
        Optional<AccountExport> export = byId(part.exportId());
        if (export.isEmpty()
                || !export.get().userId().equals(part.userId())
                || !AccountExport.COLLECTING.equals(export.get().state())
                || !export.get().expectedParts().contains(part.service())
                || !ExportObjects.partKey(part.userId(), part.exportId(), part.service())
                        .equals(part.objectKey())) {
            LOG.warnf(
                    "export part from %s for export %s ignored (unknown, not collecting, or not expected)",
                    part.service(), part.exportId());
            return;
        }
        int added = em.createNativeQuery("""
                insert into account_export_parts (export_id, service, user_id, object_key, size_bytes, file_count,
                                                  written_at, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (export_id, service) do nothing""")
                .setParameter(1, part.exportId())
                .setParameter(2, part.service())
                .setParameter(3, part.userId())
                .setParameter(4, part.objectKey())
                .setParameter(5, part.sizeBytes())
                .setParameter(6, part.fileCount())
                .setParameter(7, part.writtenAt())
                .setParameter(8, DatabaseClock.now())
                .executeUpdate();
        if (added > 0) {
            LOG.infof("export %s: part from %s arrived", part.exportId(), part.service());
            job.wakeUpAfterCommit();
        }
    }

    // ---- the job's side (system context) ------------------------------------------------------------------

    /**
     * Claims one export whose parts are all in (and that nobody is assembling): it is leased to the caller for
     * the assembly lease, so a crashed instance's export is taken up again once the lease ran out.
     */
    @SuppressWarnings("unchecked")
    public Optional<AccountExport> claimComplete() {
        Instant now = DatabaseClock.now();
        while (true) {
            List<Object[]> rows = em.createNativeQuery("""
                    select e.id, e.assembling_until, e.attempts from account_exports e
                    where e.state = 'collecting' and (e.assembling_until is null or e.assembling_until < ?1)
                      and (e.next_attempt_at is null or e.next_attempt_at <= ?1)
                      and not exists (select 1 from unnest(e.expected_parts) s(service) where not exists (
                            select 1 from account_export_parts p where p.export_id = e.id and p.service = s.service))
                    order by e.requested_at limit 1 for update skip locked""").setParameter(1, now).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            UUID id = (UUID) rows.get(0)[0];
            int attempts = ((Number) rows.get(0)[2]).intValue();
            if (rows.get(0)[1] != null) {
                // A lease ran out: the instance assembling it died or stalled. That was an attempt too, or an
                // archive that kills its assembler (too big for the pod, say) would be taken up for ever.
                attempts++;
                if (attempts >= config.assemblyAttempts()) {
                    fail(id, "the archive could not be assembled: " + attempts + " assemblies were interrupted", now);
                    LOG.warnf("export %s failed: %d assemblies interrupted", id, attempts);
                    continue;
                }
            }
            em.createNativeQuery("update account_exports set assembling_until = ?2, attempts = ?3 where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, now.plus(config.assemblyLease()))
                    .setParameter(3, attempts)
                    .executeUpdate();
            return byId(id);
        }
    }

    /** Still assembling: the lease is extended, so only a crashed instance's lease ever runs out. */
    public void renewLease(UUID exportId) {
        em.createNativeQuery("update account_exports set assembling_until = ?2 where id = ?1 and state = 'collecting'")
                .setParameter(1, exportId)
                .setParameter(2, DatabaseClock.now().plus(config.assemblyLease()))
                .executeUpdate();
    }

    /**
     * The archive is in S3: the export is ready until {@code keep} from now, and the member's earlier ready exports
     * expire (one archive per member at a time). False when the export is gone
     * meanwhile (the member deleted their account, or it failed): the caller deletes the archive it wrote. The
     * member's deletion lock is held for the check, so a purge either already removed the row or sweeps after.
     */
    public boolean ready(
            UUID userId, UUID exportId, String archiveKey, long bytes, int files, List<String> missingFiles) {
        if (deletedMembers.isDeleted(userId)) {
            return false;
        }
        Instant now = DatabaseClock.now();
        boolean ready = 1
                == em.createNativeQuery("""
                update account_exports set state = 'ready', archive_key = ?2, archive_bytes = ?3, file_count = ?4,
                  missing_files = string_to_array(nullif(?5, ''), chr(10)), ready_at = ?6, expires_at = ?7,
                  assembling_until = null, last_error = null
                where id = ?1 and state = 'collecting'""")
                        .setParameter(1, exportId)
                        .setParameter(2, archiveKey)
                        .setParameter(3, bytes)
                        .setParameter(4, files)
                        .setParameter(5, String.join("\n", missingFiles))
                        .setParameter(6, now)
                        .setParameter(7, now.plus(config.keep()))
                        .executeUpdate();
        if (ready) {
            // The newest archive replaces the member's earlier ones (deleted next, see uncleaned): a member keeps
            // one archive at a time, so exports cannot multiply what they stored.
            em.createNativeQuery("""
                    update account_exports set state = 'expired', archive_key = null
                    where user_id = ?1 and state = 'ready' and id <> ?2""")
                    .setParameter(1, userId)
                    .setParameter(2, exportId)
                    .executeUpdate();
        }
        return ready;
    }

    /**
     * An assembly failed. An outage ({@code transientFailure}) is tried again with backoff for as long as it
     * lasts; any other failure fails the export after the configured number of attempts. An export that is
     * gone (its member deleted meanwhile) needs nothing.
     */
    public void assemblyFailed(UUID exportId, String error, boolean transientFailure) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select attempts, state from account_exports where id = ?1 for update")
                .setParameter(1, exportId)
                .getResultList();
        if (rows.isEmpty() || !AccountExport.COLLECTING.equals(rows.get(0)[1])) {
            return;
        }
        Object[] row = rows.get(0);
        int attempts = ((Number) row[0]).intValue() + (transientFailure ? 0 : 1);
        Instant now = DatabaseClock.now();
        if (attempts >= config.assemblyAttempts()) {
            fail(exportId, "the archive could not be assembled: " + error, now);
            return;
        }
        em.createNativeQuery("""
                update account_exports set attempts = ?2, last_error = ?3, next_attempt_at = ?4, assembling_until = null
                where id = ?1""")
                .setParameter(1, exportId)
                .setParameter(2, attempts)
                .setParameter(3, error)
                .setParameter(4, now.plus(backoff(attempts)))
                .executeUpdate();
    }

    /** Fails every collecting export past its deadline, naming the services whose part never arrived. */
    @SuppressWarnings("unchecked")
    public int failOverdue() {
        Instant now = DatabaseClock.now();
        List<UUID> overdue = em.createNativeQuery("""
                select id from account_exports where state = 'collecting' and deadline_at < ?1
                  and (assembling_until is null or assembling_until < ?1)
                order by deadline_at limit 50 for update skip locked""").setParameter(1, now).getResultList();
        int failed = 0;
        for (UUID id : overdue) {
            AccountExport export = byId(id).orElseThrow();
            List<String> arrived = parts(id).stream().map(ReceivedPart::service).toList();
            List<String> missing = export.expectedParts().stream()
                    .filter(s -> !arrived.contains(s))
                    .toList();
            if (missing.isEmpty()) {
                continue; // complete: the assembly takes it
            }
            fail(
                    id,
                    "no part from " + String.join(", ", missing) + " within "
                            + config.partTimeout().toString().substring(2).toLowerCase(),
                    now);
            failed++;
            LOG.warnf("export %s failed: no part from %s", id, missing);
        }
        return failed;
    }

    private void fail(UUID exportId, String failure, Instant now) {
        em.createNativeQuery("""
                update account_exports set state = 'failed', failure = ?2, failed_at = ?3, assembling_until = null
                where id = ?1""")
                .setParameter(1, exportId)
                .setParameter(2, Texts.cut(failure, AccountExport.FAILURE_MAX_LENGTH))
                .setParameter(3, now)
                .executeUpdate();
    }

    /** Ready exports past their keep time become expired (their objects are deleted next, see {@link #uncleaned}). */
    public int expireDue() {
        return em.createNativeQuery("""
                update account_exports set state = 'expired', archive_key = null
                where id in (select id from account_exports where state = 'ready' and expires_at < ?1
                             order by expires_at limit 50 for update skip locked)""").setParameter(1, DatabaseClock.now()).executeUpdate();
    }

    /** Failed and expired exports whose objects are not deleted yet. */
    @SuppressWarnings("unchecked")
    public List<AccountExport> uncleaned(int limit) {
        List<Object[]> rows = em.createNativeQuery("select " + AccountExport.COLUMNS + """
                 from account_exports where state in ('failed', 'expired') and cleaned_at is null
                order by requested_at limit ?1""")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(AccountExport::of).toList();
    }

    /** The export's objects are deleted. */
    public void cleaned(UUID exportId) {
        em.createNativeQuery("update account_exports set cleaned_at = ?2 where id = ?1")
                .setParameter(1, exportId)
                .setParameter(2, DatabaseClock.now())
                .executeUpdate();
    }

    /** 1 s, 2 s, 4 s ... at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }
}
