package com.vibrationfit.profile.version;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@code user_profiles}; each names the member so the user index serves it. */
@ApplicationScoped
public class ProfileVersionRepository implements PanacheRepositoryBase<ProfileVersion, UUID> {

    public Optional<ProfileVersion> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    public Optional<ProfileVersion> active(UUID userId) {
        return find("userId = ?1 and isActive = true and isDraft = false", userId).firstResultOptional();
    }

    public Optional<ProfileVersion> draft(UUID userId) {
        return find("userId = ?1 and isDraft = true", userId).firstResultOptional();
    }

    /** Newest first; {@code limit} rows from {@code offset}. */
    public List<ProfileVersion> newestFirst(UUID userId, int offset, int limit) {
        return find("userId = ?1 order by createdAt desc, id desc", userId).range(offset, offset + limit - 1).list();
    }

    public long countOf(UUID userId) {
        return count("userId", userId);
    }

    /** Versions naming {@code deleted} as their parent now name its parent (null for a root). */
    public void reparentChildrenOf(ProfileVersion deleted) {
        update("parentVersionId = ?1 where userId = ?2 and parentVersionId = ?3", deleted.parentVersionId,
                deleted.userId, deleted.id);
    }

    /**
     * The member's balance as ai-usage-service announced it: kept in {@code member_balances} (so a profile
     * created later starts from it) and written onto every version of their profile (the columns describe the
     * member, not a version). An announcement older than the one kept changes nothing.
     */
    public void applyBalance(com.vibrationfit.events.AiBalanceChanged b) {
        java.math.BigDecimal dollars = b.totalCostCents().movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP);
        int kept = getEntityManager().createNativeQuery("""
                insert into member_balances (user_id, tokens_remaining, tokens_used, total_cost, rollover_cycles,
                  last_drip_at, auto_topup_enabled, auto_topup_pack_id, changed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as text), ?9)
                on conflict (user_id) do update set tokens_remaining = excluded.tokens_remaining,
                  tokens_used = excluded.tokens_used, total_cost = excluded.total_cost,
                  rollover_cycles = excluded.rollover_cycles, last_drip_at = excluded.last_drip_at,
                  auto_topup_enabled = excluded.auto_topup_enabled, auto_topup_pack_id = excluded.auto_topup_pack_id,
                  changed_at = excluded.changed_at
                where member_balances.changed_at <= excluded.changed_at""")
                .setParameter(1, b.userId()).setParameter(2, b.tokensRemaining()).setParameter(3, b.tokensUsed())
                .setParameter(4, dollars).setParameter(5, b.rolloverCycles()).setParameter(6, b.lastDripAt())
                .setParameter(7, b.autoTopupEnabled()).setParameter(8, b.autoTopupPackId()).setParameter(9, b.changedAt())
                .executeUpdate();
        if (kept == 1) {
            getEntityManager().createNativeQuery("""
                    update user_profiles p set vibe_assistant_tokens_remaining = m.tokens_remaining,
                      vibe_assistant_tokens_used = m.tokens_used, vibe_assistant_total_cost = m.total_cost,
                      token_rollover_cycles = m.rollover_cycles, token_last_drip_date = m.last_drip_at,
                      auto_topup_enabled = m.auto_topup_enabled, auto_topup_pack_id = m.auto_topup_pack_id
                    from member_balances m where m.user_id = p.user_id and p.user_id = ?1""")
                    .setParameter(1, b.userId()).executeUpdate();
        }
    }

    /** The member's last announced balance onto a version being created (no announcement yet: the column defaults). */
    @SuppressWarnings("unchecked")
    public void copyBalanceOnto(ProfileVersion version) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select tokens_remaining, tokens_used, total_cost, rollover_cycles, last_drip_at, auto_topup_enabled,
                  auto_topup_pack_id from member_balances where user_id = ?1""").setParameter(1, version.userId)
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = rows.get(0);
        version.vibeAssistantTokensRemaining = ((Number) row[0]).intValue();
        version.vibeAssistantTokensUsed = ((Number) row[1]).intValue();
        version.vibeAssistantTotalCost = (java.math.BigDecimal) row[2];
        version.tokenRolloverCycles = ((Number) row[3]).intValue();
        version.tokenLastDripDate = com.vibrationfit.platform.time.DatabaseClock.instantOf(row[4]);
        version.autoTopupEnabled = (Boolean) row[5];
        version.autoTopupPackId = (String) row[6];
    }

    /** version_number is the position among the member's versions by creation time. */
    public void renumber(UUID userId) {
        getEntityManager().createNativeQuery("""
                update user_profiles p set version_number = r.n
                from (select id, row_number() over (order by created_at, id) as n from user_profiles where user_id = ?1) r
                where p.id = r.id and p.version_number is distinct from r.n""")
                .setParameter(1, userId).executeUpdate();
    }
}
