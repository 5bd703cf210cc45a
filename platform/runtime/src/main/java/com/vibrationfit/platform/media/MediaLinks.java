package com.vibrationfit.platform.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Links to stored media: for a media reference a service stores ({@code <vf.media.url-prefix>users/<id>/...},
 * e.g. {@code s3://vibrationfit-media/users/.../x.jpg}), a short-lived URL a browser loads the object from
 * directly, without a token (a presigned S3 GET). Responses carry the link beside the reference
 * ({@code image_url} and {@code image_link}); clients never parse storage keys. See docs/api-conventions.md, Media.
 *
 * <ul>
 * <li>A link is valid for {@code vf.media.link-ttl} (15 minutes by default: long enough for an audio player's
 * range requests). It cannot be revoked and expires: a client reads the resource again for a fresh one and
 * never stores it.</li>
 * <li>Presigning is local computation (a signature with the S3 credentials), no call to S3.</li>
 * <li>The URL names the S3 endpoint browsers reach: {@code vf.media.public-endpoint} when set (an S3-compatible
 * store the services reach at an internal address), else the endpoint the services use
 * ({@code quarkus.s3.endpoint-override}, or AWS's own when that is empty).</li>
 * <li>A reference that is not one of ours (another bucket or host, no member key, path tricks, null, empty)
 * gets no link: null, never an exception.</li>
 * </ul>
 * media-service's {@code download_url} and {@code play_url} and profile-service's export downloads are
 * presigned here as well ({@link #presign}), so every URL a browser gets names the same endpoint.
 */
@ApplicationScoped
public class MediaLinks {

    /** What every link field's schema says (append it to the field's own sentence). */
    public static final String ABOUT_LINKS = "A short-lived URL a browser loads the object from directly "
            + "(presigned, no token needed). It expires (vf.media.link-ttl, 15 minutes by default): read the resource "
            + "again for a fresh one and never store it. Null when the reference is not a media object of this platform.";

    /**
     * The longest link (or other presigned URL) a response carries. A presigned URL is the endpoint, the key (at most
     * a {@link MediaUrls#MAX_LENGTH} reference, percent-encoded), the signature parameters and, with temporary
     * credentials, their session token; one longer than this is never handed out ({@link #presign} refuses to make
     * it, {@link #link} answers null).
     */
    public static final int MAX_LENGTH = 8_192;

    /** The longest a SigV4 presigned URL may live. */
    static final Duration MAX_TTL = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(MediaLinks.class);

    private final S3Presigner presigner;
    private final boolean ownPresigner;
    private final MediaUrls urls;
    private final String bucket;
    private final Duration ttl;

    @Inject
    MediaLinks(
            S3Presigner presigner,
            S3Client s3,
            MediaUrls urls,
            @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media") String bucket,
            @ConfigProperty(name = "vf.media.link-ttl", defaultValue = "PT15M") Duration ttl,
            @ConfigProperty(name = "vf.media.public-endpoint") Optional<URI> publicEndpoint,
            @ConfigProperty(name = "quarkus.s3.path-style-access", defaultValue = "false") boolean pathStyle) {
        this(
                publicEndpoint
                        .map(endpoint -> publicPresigner(s3, endpoint, pathStyle))
                        .orElse(presigner),
                publicEndpoint.isPresent(),
                urls,
                bucket,
                ttl);
    }

    /** Links signed by {@code presigner} (tests, tools); the caller closes the presigner. */
    public MediaLinks(S3Presigner presigner, MediaUrls urls, String bucket, Duration ttl) {
        this(presigner, false, urls, bucket, ttl);
    }

    private MediaLinks(S3Presigner presigner, boolean ownPresigner, MediaUrls urls, String bucket, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("vf.media.link-ttl must be positive and at most 7 days, not " + ttl);
        }
        this.presigner = presigner;
        this.ownPresigner = ownPresigner;
        this.urls = urls;
        this.bucket = bucket;
        this.ttl = ttl;
    }

    /**
     * A presigner like the services' (region, credentials, path style) that names the endpoint browsers reach.
     * The credentials provider is the S3 client's own, so rotated credentials (IRSA, Pod Identity) are followed.
     */
    static S3Presigner publicPresigner(S3Client s3, URI endpoint, boolean pathStyle) {
        return S3Presigner.builder()
                .region(s3.serviceClientConfiguration().region())
                .credentialsProvider(s3.serviceClientConfiguration().credentialsProvider())
                .endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(pathStyle)
                        .build())
                .build();
    }

    @PreDestroy
    void close() {
        if (ownPresigner) {
            presigner.close();
        }
    }

    /** How long a link made now is valid ({@code vf.media.link-ttl}). */
    public Duration ttl() {
        return ttl;
    }

    /**
     * The link of a stored media reference, or null when it is not one of ours (null, empty, another bucket or
     * host, not a member's object key). Never throws: should signing fail (credentials that cannot be resolved),
     * the failure is logged and the reference gets no link, so a read still answers.
     */
    public String link(String reference) {
        Optional<String> key = urls.keyOf(reference);
        if (key.isEmpty()) {
            return null;
        }
        try {
            return presign(key.get(), ttl).toString();
        } catch (SdkException | IllegalStateException e) {
            LOG.warnf("no link for %s: presigning failed: %s", reference, e.getMessage());
            return null;
        }
    }

    /**
     * The links of {@code references}, in the same order (null where one gets none); null when
     * {@code references} is null.
     */
    public List<String> links(List<String> references) {
        if (references == null) {
            return null;
        }
        List<String> links = new ArrayList<>(references.size());
        references.forEach(reference -> links.add(link(reference)));
        return Collections.unmodifiableList(links);
    }

    /** The recordings as responses show them: each with the link of its {@code url}; null for null. */
    public List<RecordingView> recordings(List<Recording> recordings) {
        if (recordings == null) {
            return null;
        }
        return recordings.stream()
                .map(recording -> RecordingView.of(recording, link(recording.url())))
                .toList();
    }

    /** A presigned GET of the object {@code key} of the media bucket, valid for {@code ttl}. */
    public URL presign(String key, Duration ttl) {
        return presign(key, ttl, request -> {});
    }

    /**
     * A presigned GET of the object {@code key} of the media bucket, valid for {@code ttl}, with what
     * {@code request} adds (a {@code response-content-disposition}, say).
     *
     * @throws IllegalStateException when the URL would be longer than {@link #MAX_LENGTH}
     */
    public URL presign(String key, Duration ttl, Consumer<GetObjectRequest.Builder> request) {
        return bounded(presigner
                .presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(r -> {
                    r.bucket(bucket).key(key);
                    request.accept(r);
                }))
                .url());
    }

    /**
     * {@code url} when it is at most {@link #MAX_LENGTH} characters long, the bound every presigned URL in a response
     * keeps (media-service's upload PUT included).
     *
     * @throws IllegalStateException otherwise
     */
    public static URL bounded(URL url) {
        int length = url.toString().length();
        if (length > MAX_LENGTH) {
            throw new IllegalStateException(
                    "a presigned URL of " + length + " characters is longer than the " + MAX_LENGTH + " allowed");
        }
        return url;
    }

    /**
     * The presigner of URLs browsers use (its endpoint is {@code vf.media.public-endpoint} when set), for
     * presigned requests other than a GET (media-service's upload PUT).
     */
    public S3Presigner presigner() {
        return presigner;
    }
}
