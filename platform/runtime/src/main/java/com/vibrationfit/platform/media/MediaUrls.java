package com.vibrationfit.platform.media;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks that a {@code media_url} a member stores (a board image, a journal photo) names an object
 * media-service issued under that member's own prefix: {@code <url-prefix>users/<user id>/...}. A URL
 * of another member, of another host, or with path tricks is refused with a 400 naming the field.
 */
@ApplicationScoped
public class MediaUrls {

    /** The longest media_url a service stores (request fields holding one say {@code @Size(max = MAX_LENGTH)}). */
    public static final int MAX_LENGTH = 2048;

    private static final Pattern KEY =
            Pattern.compile("users/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/[A-Za-z0-9_./-]+");

    private final String prefix;

    public MediaUrls(
            @ConfigProperty(name = "vf.media.url-prefix", defaultValue = "s3://vibrationfit-media/") String prefix) {
        this.prefix = prefix;
    }

    /** Why {@code url} is not one of {@code userId}'s media objects, or empty when it is. */
    public Optional<String> problemWith(String url, UUID userId) {
        if (url == null || !url.startsWith(prefix)) {
            return Optional.of("must be a media_url issued by the media service (starting with " + prefix + ")");
        }
        String key = url.substring(prefix.length());
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches() || key.contains("..") || key.contains("//")) {
            return Optional.of("is not a media object key");
        }
        if (!matcher.group(1).equals(userId.toString())) {
            return Optional.of("names a media object that is not yours");
        }
        return Optional.empty();
    }

    /**
     * The object key {@code url} names when it is a media URL of this platform ({@code <url-prefix>users/<id>/...},
     * without path tricks), whoever's it is; empty for anything else, null and empty included.
     */
    public Optional<String> keyOf(String url) {
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String key = url.substring(prefix.length());
        if (!KEY.matcher(key).matches() || key.contains("..") || key.contains("//")) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** Throws a 400 naming {@code field} unless {@code url} is null/empty or one of the member's objects. */
    public void requireOwned(String field, String url, UUID userId) {
        if (url == null || url.isEmpty()) {
            return;
        }
        problemWith(url, userId).ifPresent(problem -> {
            throw new InvalidRequest(List.of(new FieldError(field, problem)));
        });
    }
}
