package com.vibrationfit.profile.balance;

import com.vibrationfit.events.AiBalanceChanged;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.profile.version.ProfileVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * The member's AI token balance as ai-usage-service last announced it on {@code ai.balances}: a projection kept in
 * {@code member_balances} (so a profile created later starts from it) and written onto the token columns of every
 * version of their profile (the columns describe the member, not a version). Nobody else writes those columns; the
 * API shows them read-only. Runs in the caller's transaction.
 */
@ApplicationScoped
public class MemberBalances {

    @Inject
    EntityManager em;

    /**
     * Keeps the announced balance and writes it onto every version of the member's profile. An announcement older
     * than the one kept changes nothing.
     */
    public void apply(AiBalanceChanged b) {
        BigDecimal dollars = b.totalCostCents().movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        int kept = em.createNativeQuery("""
                insert into member_balances (user_id, tokens_remaining, tokens_used, total_cost, rollover_cycles,
                  last_drip_at, auto_topup_enabled, auto_topup_pack_id, changed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as text), ?9)
                on conflict (user_id) do update set tokens_remaining = excluded.tokens_remaining,
                  tokens_used = excluded.tokens_used, total_cost = excluded.total_cost,
                  rollover_cycles = excluded.rollover_cycles, last_drip_at = excluded.last_drip_at,
                  auto_topup_enabled = excluded.auto_topup_enabled, auto_topup_pack_id = excluded.auto_topup_pack_id,
                  changed_at = excluded.changed_at
                where member_balances.changed_at <= excluded.changed_at""")
                .setParameter(1, b.userId())
                .setParameter(2, b.tokensRemaining())
                .setParameter(3, b.tokensUsed())
                .setParameter(4, dollars)
                .setParameter(5, b.rolloverCycles())
                .setParameter(6, b.lastDripAt())
                .setParameter(7, b.autoTopupEnabled())
                .setParameter(8, b.autoTopupPackId())
                .setParameter(9, b.changedAt())
                .executeUpdate();
        if (kept == 1) {
            em.createNativeQuery("""
                    update user_profiles p set vibe_assistant_tokens_remaining = m.tokens_remaining,
                      vibe_assistant_tokens_used = m.tokens_used, vibe_assistant_total_cost = m.total_cost,
                      token_rollover_cycles = m.rollover_cycles, token_last_drip_date = m.last_drip_at,
                      auto_topup_enabled = m.auto_topup_enabled, auto_topup_pack_id = m.auto_topup_pack_id
                    from member_balances m where m.user_id = p.user_id and p.user_id = ?1""").setParameter(1, b.userId()).executeUpdate();
        }
    }

    /** The member's last announced balance onto a version being created (no announcement yet: the column defaults). */
    @SuppressWarnings("unchecked")
    public void copyOnto(ProfileVersion version) {
        List<Object[]> rows =
                em.createNativeQuery("""
                select tokens_remaining, tokens_used, total_cost, rollover_cycles, last_drip_at, auto_topup_enabled,
                  auto_topup_pack_id from member_balances where user_id = ?1""").setParameter(1, version.userId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = rows.get(0);
        version.vibeAssistantTokensRemaining = ((Number) row[0]).intValue();
        version.vibeAssistantTokensUsed = ((Number) row[1]).intValue();
        version.vibeAssistantTotalCost = (BigDecimal) row[2];
        version.tokenRolloverCycles = ((Number) row[3]).intValue();
        version.tokenLastDripDate = DatabaseClock.instantOf(row[4]);
        version.autoTopupEnabled = (Boolean) row[5];
        version.autoTopupPackId = (String) row[6];
    }

    /** A deleted member's kept balance goes with them. */
    public void forget(UUID userId) {
        em.createNativeQuery("delete from member_balances where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
    }
}
