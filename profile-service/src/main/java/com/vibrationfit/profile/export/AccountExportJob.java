package com.vibrationfit.profile.export;

import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.db.TransientFailures;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Drives exports on its own thread: assembles those whose parts are all in (woken as soon as the last part
 * is recorded, and every {@code vf.exports.every} in any case), fails overdue ones and deletes expired
 * archives. All state is in the database and S3, so a restart, or a second replica, carries on where it
 * stopped: an assembly is leased, not locked, and a crashed instance's lease runs out.
 */
@ApplicationScoped
public class AccountExportJob {

    private static final Logger LOG = Logger.getLogger(AccountExportJob.class);

    @Inject
    AccountExportService exports;

    @Inject
    ExportAssembler assembler;

    @Inject
    ExportConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private ScheduledExecutorService thread;
    /** Renews the lease of the assembly under way (the job's own thread is busy with it). */
    private ScheduledExecutorService leases;

    private final AtomicBoolean woken = new AtomicBoolean();
    /** Leases this instance could not give back (the database was away): given back first at the next run. */
    private final Map<UUID, String> unreleased = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent started) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-exports");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::run, 1000, config.every().toMillis(), TimeUnit.MILLISECONDS);
        leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-export-leases");
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (thread != null) {
            thread.shutdownNow();
            leases.shutdownNow();
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** A part arrived: look once the caller's transaction has committed rather than at the next period. */
    void wakeUpAfterCommit() {
        AfterCommit.run(transactions, this::wakeUp);
    }

    /** Looks now rather than at the next period (on this job's thread). */
    void wakeUp() {
        if (thread != null && woken.compareAndSet(false, true)) {
            thread.schedule(
                    () -> {
                        woken.set(false);
                        run();
                    },
                    50,
                    TimeUnit.MILLISECONDS);
        }
    }

    void run() {
        try {
            unreleased.forEach((id, error) -> {
                try {
                    SystemContext.run("export assembly failed", () -> exports.assemblyFailed(id, error, true));
                    unreleased.remove(id);
                } catch (RuntimeException e) {
                    LOG.debugf("export %s: failed assembly not recorded yet (%s)", id, e.getMessage());
                }
            });
            while (assembleOne()) {
                // until none is complete
            }
            SystemContext.call("overdue exports", exports::failOverdue);
            SystemContext.call("expired exports", exports::expireDue);
            // Objects go after the state changed, and are marked gone only once S3 confirmed: an outage delays it.
            for (AccountExport ended : SystemContext.call("ended exports", () -> exports.uncleaned(20))) {
                assembler.deleteAll(ended);
                SystemContext.run("ended exports", () -> exports.cleaned(ended.id()));
            }
        } catch (RuntimeException e) {
            LOG.warnf("account exports: %s (trying again at the next run)", e.toString());
        } catch (Error e) {
            LOG.errorf(e, "account exports stopped");
            throw e;
        }
    }

    /** Assembles one complete export, if there is one; whether there was. */
    boolean assembleOne() {
        Optional<AccountExport> claimed = SystemContext.call("assembling an export", exports::claimComplete);
        if (claimed.isEmpty()) {
            return false;
        }
        AccountExport export = claimed.get();
        long renewEvery = Math.max(config.assemblyLease().toMillis() / 3, 100);
        ScheduledFuture<?> renewal = leases.scheduleWithFixedDelay(
                () -> {
                    try {
                        SystemContext.run("export lease", () -> exports.renewLease(export.id()));
                    } catch (RuntimeException e) {
                        LOG.debugf("export %s: lease not renewed (%s)", export.id(), e.getMessage());
                    }
                },
                renewEvery,
                renewEvery,
                TimeUnit.MILLISECONDS);
        try {
            List<ReceivedPart> parts = SystemContext.call("assembling an export", () -> exports.parts(export.id()));
            ExportAssembler.Assembled archive = assembler.assemble(export, parts);
            boolean kept = SystemContext.call(
                    "export ready",
                    () -> exports.ready(
                            export.userId(),
                            export.id(),
                            archive.archiveKey(),
                            archive.bytes(),
                            archive.files(),
                            archive.missingFiles()));
            if (!kept) {
                // The member was deleted (or the export failed) while it was assembled: the archive goes too.
                LOG.infof("export %s ended while it was assembled; its objects are deleted", export.id());
                assembler.deleteAll(export);
                return true;
            }
            try {
                assembler.deleteParts(export);
            } catch (RuntimeException e) {
                LOG.debugf(
                        "export %s: parts not deleted yet (%s); they go with the archive", export.id(), e.getMessage());
            }
            return true;
        } catch (Exception e) {
            boolean outage = TransientFailures.isTransient(e);
            LOG.warnf("export %s not assembled%s: %s", export.id(), outage ? " (outage; retrying)" : "", e.toString());
            try {
                SystemContext.run(
                        "export assembly failed", () -> exports.assemblyFailed(export.id(), e.toString(), outage));
            } catch (RuntimeException databaseAway) {
                unreleased.put(export.id(), e.toString());
            }
            return false;
        } finally {
            renewal.cancel(false);
        }
    }
}
