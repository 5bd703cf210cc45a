package com.vibrationfit.aiusage.billing;

import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Gone means gone at the payment provider too: a deleted member's customer there is deleted
 * ({@code DELETE /v1/customers/{id}}, which also cancels their subscriptions and forgets their cards). The purge
 * queues the id in its own transaction ({@link #queue}); this job erases after the commit and then every
 * {@code vf.billing.charge-every}, until the provider confirms, so an outage of the provider delays the erasure and
 * never loses it.
 */
@ApplicationScoped
public class PaymentCustomerEraser {

    private static final Logger LOG = Logger.getLogger(PaymentCustomerEraser.class);

    @Inject
    EntityManager em;

    @Inject
    StripeClient stripe;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "payment-customer-eraser");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues the erasure of the member's customer, if they have one (call it in the purge's transaction). */
    public void queueFor(UUID userId) {
        int queued = em.createNativeQuery("""
                insert into payment_customer_erasures (customer_id)
                select payment_customer_id from token_accounts where user_id = ?1 and payment_customer_id is not null
                on conflict (customer_id) do nothing""").setParameter(1, userId).executeUpdate();
        if (queued > 0) {
            AfterCommit.run(transactions, () -> wakeUps.execute(this::eraseQuietly));
        }
    }

    /** Queues a customer made for a member deleted meanwhile (their account never recorded it). */
    public void queue(String customerId) {
        SystemContext.runInNewTransaction(
                "customer of a deleted member",
                () -> em.createNativeQuery("""
                        insert into payment_customer_erasures (customer_id) values (?1)
                        on conflict (customer_id) do nothing""").setParameter(1, customerId).executeUpdate());
        wakeUps.execute(this::eraseQuietly);
    }

    @Scheduled(
            every = "${vf.billing.charge-every:PT30S}",
            delayed = "${vf.billing.charge-every:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wakeUps.execute(this::eraseQuietly);
    }

    private void eraseQuietly() {
        try {
            erasePending();
        } catch (RuntimeException e) {
            LOG.warnf("payment customers not erased this time (the next sweep retries): %s", e.getMessage());
        }
    }

    /** Erases every queued customer at the provider; how many were confirmed gone. Visible for tests. */
    public int erasePending() {
        if (!stripe.configured()) {
            return 0;
        }
        List<String> queued = SystemContext.inNewTransaction(
                "queued customer erasures",
                () -> em.createNativeQuery(
                                "select customer_id from payment_customer_erasures order by queued_at limit 50",
                                String.class)
                        .getResultList());
        int erased = 0;
        for (String customer : queued) {
            try {
                stripe.deleteIfPresent("/v1/customers/" + customer);
                SystemContext.runInNewTransaction(
                        "customer erased",
                        () -> em.createNativeQuery("delete from payment_customer_erasures where customer_id = ?1")
                                .setParameter(1, customer)
                                .executeUpdate());
                erased++;
            } catch (StripeClient.Unreachable | StripeClient.CardDeclined e) {
                SystemContext.runInNewTransaction(
                        "customer erasure failed",
                        () -> em.createNativeQuery("""
                                update payment_customer_erasures set attempts = attempts + 1, last_error = ?2
                                where customer_id = ?1""")
                                .setParameter(1, customer)
                                .setParameter(2, e.getMessage())
                                .executeUpdate());
                LOG.infof("payment customer %s not erased yet: %s", customer, e.getMessage());
            }
        }
        return erased;
    }
}
