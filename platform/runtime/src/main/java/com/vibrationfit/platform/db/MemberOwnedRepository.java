package com.vibrationfit.platform.db;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/**
 * A repository of rows a member owns: the entity has an {@code id} and a {@code userId}. The owner is in every lookup
 * as well as in row-level security, so a row of another member is simply not found (404), whichever context runs it.
 */
public interface MemberOwnedRepository<E> extends PanacheRepositoryBase<E, UUID> {

    default Optional<E> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The row locked for update, so a conditional write (If-Match) cannot interleave with another. */
    default Optional<E> lockOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
