package com.vibrationfit.media.objects;

import com.vibrationfit.platform.db.MemberOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MediaObjectRepository implements MemberOwnedRepository<MediaObject> {

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
