package com.vibrationfit.media.objects;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MediaObjectRepository implements PanacheRepositoryBase<MediaObject, UUID> {

    public Optional<MediaObject> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    public Optional<MediaObject> findByKey(String key) {
        return find("s3Key", key).firstResultOptional();
    }

    public List<MediaObject> findByKeys(List<String> keys) {
        return keys.isEmpty() ? List.of() : list("s3Key in ?1", keys);
    }

    public long deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
