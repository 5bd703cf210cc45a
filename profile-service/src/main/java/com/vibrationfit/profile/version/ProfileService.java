package com.vibrationfit.profile.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.PreconditionFailed;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.media.KnownMedia;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.Recording;
import com.vibrationfit.platform.paging.OffsetCursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.profile.balance.MemberBalances;
import com.vibrationfit.profile.events.ProfileEvents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a member's profile versions: one active version, at most one draft, the history before.
 * Every change to which versions exist or which is active first takes the member's version lock
 * (platform {@code MemberLock}), so concurrent requests of one member run one after
 * the other and the checks they make stay true until they commit.
 */
@ApplicationScoped
@Transactional
public class ProfileService {

    /** The fields that hold media references. */
    private static final Set<String> MEDIA_FIELDS =
            Set.of("profile_picture_url", "progress_photos", "story_recordings");

    /** Fields left out of the committed event's {@code profile}: media URLs mean nothing to other services. */
    private static final Set<String> NOT_PUBLISHED = MEDIA_FIELDS;

    @Inject
    ProfileVersionRepository versions;

    @Inject
    MemberBalances balances;

    @Inject
    KnownMedia media;

    @Inject
    MediaLinks links;

    // Every change to the set of a member's versions (create, draft, commit, activate, delete) holds it, so the
    // checks before them ("is there a draft?") stay true while they run; the partial unique indexes back it.
    @Inject
    MemberLock memberLock;

    @Inject
    ProfileEvents events;

    @Inject
    ObjectMapper json;

    private ProfilePatch fields;

    @PostConstruct
    void init() {
        fields = new ProfilePatch(json);
    }

    /** The result of a write, and whether it created the version. */
    public record Written(ProfileVersion version, boolean created) {}

    public ProfileVersion active(UUID userId) {
        return versions.active(userId)
                .orElseThrow(() -> new NotFound("you have no profile yet; PATCH /api/v1/profiles/me creates it"));
    }

    public ProfileVersion get(UUID userId, UUID id) {
        return versions.findOwned(userId, id).orElseThrow(() -> new NotFound("profile version", id));
    }

    public Page<ProfileVersion> list(UUID userId, int limit, String cursor) {
        int offset = OffsetCursor.decode(cursor);
        List<ProfileVersion> rows = versions.newestFirst(userId, offset, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, limit)), OffsetCursor.encode(offset + limit));
    }

    /** Edits the active version in place; a member without one gets version 1, active. */
    public Written patchActive(UUID userId, String ifMatch, ObjectNode patch) {
        memberLock.hold(MemberLock.CHANGES, userId);
        var current = versions.active(userId);
        if (current.isPresent()) {
            return new Written(edit(current.get(), ifMatch, patch), false);
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new PreconditionFailed(
                    "you have no profile yet, so If-Match matches nothing; send the first save " + "without If-Match");
        }
        ProfilePatch.Applied applied = fields.apply(new ProfileAnswers(), null, patch);
        check(userId, applied, patch);
        ProfileVersion version = newVersion(userId, applied.answers(), applied.versionNotes(), null);
        version.isActive = true;
        balances.copyOnto(version);
        versions.persistAndFlush(version);
        events.created(version);
        events.committed(version, null, "create", publishedFields(version));
        return new Written(version, true);
    }

    /** Edits a draft or the active version; history is read-only. */
    public ProfileVersion patch(UUID userId, UUID id, String ifMatch, ObjectNode patch) {
        memberLock.hold(MemberLock.CHANGES, userId);
        return edit(get(userId, id), ifMatch, patch);
    }

    public ProfileVersion createDraft(UUID userId, NewDraft request) {
        memberLock.hold(MemberLock.CHANGES, userId);
        versions.draft(userId).ifPresent(existing -> {
            throw new Conflict("you already have a draft (" + existing.id + "); commit or delete it first");
        });
        ProfileVersion source = request.sourceId() == null
                ? versions.active(userId).orElse(null)
                : versions.findOwned(userId, request.sourceId())
                        .orElseThrow(() -> InvalidRequest.of("source_id", "no profile version of yours has this id"));
        List<FieldError> errors = ProfileRules.problems(new ProfileAnswers(), request.versionNotes(), today());
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        ProfileVersion draft = newVersion(
                userId,
                source == null ? new ProfileAnswers() : fields.copy(source.answers),
                request.versionNotes(),
                source == null ? null : source.id);
        draft.isDraft = true;
        balances.copyOnto(draft);
        if (source != null) {
            // Every field of the source, the account-level ones included (they are the member's, not the version's).
            draft.vibeAssistantTokensUsed = source.vibeAssistantTokensUsed;
            draft.vibeAssistantTokensRemaining = source.vibeAssistantTokensRemaining;
            draft.vibeAssistantTotalCost = source.vibeAssistantTotalCost;
            draft.tokenRolloverCycles = source.tokenRolloverCycles;
            draft.tokenLastDripDate = source.tokenLastDripDate;
            draft.autoTopupEnabled = source.autoTopupEnabled;
            draft.autoTopupPackId = source.autoTopupPackId;
            draft.storageQuotaGb = source.storageQuotaGb;
            draft.aiTags = source.aiTags;
        }
        versions.persistAndFlush(draft);
        events.created(draft);
        return draft;
    }

    /** The draft becomes the active version; the previous active one stays as history. */
    public ProfileVersion commit(UUID userId, UUID id, String ifMatch) {
        memberLock.hold(MemberLock.CHANGES, userId);
        ProfileVersion draft = get(userId, id);
        if (!draft.draft()) {
            throw new Conflict("profile version " + id + " is not a draft; only your draft can be committed");
        }
        ETags.checkIfMatch(ifMatch, etag(draft));
        return makeActive(userId, draft, "commit");
    }

    /** Rolls back to an earlier committed version: it becomes the active one again. */
    public ProfileVersion activate(UUID userId, UUID id) {
        memberLock.hold(MemberLock.CHANGES, userId);
        ProfileVersion target = get(userId, id);
        if (target.draft()) {
            throw new Conflict("profile version " + id + " is a draft; commit it instead of activating it");
        }
        if (target.active()) {
            return target;
        }
        return makeActive(userId, target, "activate");
    }

    public void delete(UUID userId, UUID id) {
        memberLock.hold(MemberLock.CHANGES, userId);
        ProfileVersion version = get(userId, id);
        if (version.active()) {
            throw new Conflict("profile version " + id + " is your active profile; activate another version first");
        }
        versions.reparentChildrenOf(version);
        versions.delete(version);
        versions.flush();
        versions.renumber(userId);
        events.deleted(version);
    }

    /** The fields of {@code id} that differ from {@code againstId}'s (default: its parent's; none: an empty profile). */
    public ProfileDifference changes(UUID userId, UUID id, UUID againstId) {
        ProfileVersion version = get(userId, id);
        UUID other = againstId != null ? againstId : version.parentVersionId;
        ProfileAnswers against = new ProfileAnswers();
        if (other != null) {
            against = versions.findOwned(userId, other)
                    .orElseThrow(() -> againstId != null
                            ? InvalidRequest.of("against", "no profile version of yours has this id")
                            : new NotFound("the parent of profile version " + id + " no longer exists"))
                    .answers;
        }
        return new ProfileDifference(
                id,
                other,
                fields.differences(version.answers, against).stream()
                        .map(this::withLinks)
                        .toList());
    }

    /** A media field's change with the links of its old and new references; any other as it is. */
    private ProfileDifference.Change withLinks(ProfileDifference.Change change) {
        if (!MEDIA_FIELDS.contains(change.field())) {
            return change;
        }
        return new ProfileDifference.Change(
                change.field(),
                change.oldValue(),
                change.newValue(),
                linksOf(change.oldValue()),
                linksOf(change.newValue()));
    }

    /** A reference's link, or an array of the links of an array's references (a recording's: its url's). */
    private JsonNode linksOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> array.add(linksOf(element.isObject() ? element.path("url") : element)));
            return array;
        }
        return value.isTextual() ? JsonNodeFactory.instance.textNode(links.link(value.asText())) : null;
    }

    public ProfileVersionView view(ProfileVersion v) {
        ProfileVersionView view = new ProfileVersionView();
        view.id = v.id;
        view.userId = v.userId;
        view.versionNumber = v.versionNumber;
        view.isDraft = v.draft();
        view.isActive = Boolean.TRUE.equals(v.isActive);
        view.versionNotes = v.versionNotes;
        view.parentVersionId = v.parentVersionId;
        view.completionPercentage = v.completionPercentage;
        view.missingFields = v.answers == null ? List.of() : ProfileCompletion.missingFields(v.answers);
        view.answers = v.answers;
        if (v.answers != null) {
            view.profilePictureLink = links.link(v.answers.profilePictureUrl);
            view.progressPhotoLinks = links.links(v.answers.progressPhotos);
            view.storyRecordings = links.recordings(v.answers.storyRecordings);
        }
        view.vibeAssistantTokensUsed = v.vibeAssistantTokensUsed;
        view.vibeAssistantTokensRemaining = v.vibeAssistantTokensRemaining;
        view.vibeAssistantTotalCost = v.vibeAssistantTotalCost;
        view.tokenRolloverCycles = v.tokenRolloverCycles;
        view.tokenLastDripDate = v.tokenLastDripDate;
        view.autoTopupEnabled = v.autoTopupEnabled;
        view.autoTopupPackId = v.autoTopupPackId;
        view.storageQuotaGb = v.storageQuotaGb;
        view.aiTags = readTags(v.aiTags);
        view.createdAt = v.createdAt;
        view.updatedAt = v.updatedAt;
        return view;
    }

    public static String etag(ProfileVersion version) {
        return ETags.of(version.id, version.updatedAt);
    }

    /** The media fields a patch names, by JSON field name, for the upload check. */
    public static Map<String, String> mediaFieldsOf(ProfilePatch.Applied applied) {
        Map<String, String> urls = new LinkedHashMap<>();
        ProfileAnswers a = applied.answers();
        if (applied.fieldsGiven().contains("profile_picture_url")
                && a.profilePictureUrl != null
                && !a.profilePictureUrl.isEmpty()) {
            urls.put("profile_picture_url", a.profilePictureUrl);
        }
        if (applied.fieldsGiven().contains("progress_photos") && a.progressPhotos != null) {
            for (int i = 0; i < a.progressPhotos.size(); i++) {
                urls.put("progress_photos[" + i + "]", a.progressPhotos.get(i));
            }
        }
        if (applied.fieldsGiven().contains("story_recordings") && a.storyRecordings != null) {
            for (int i = 0; i < a.storyRecordings.size(); i++) {
                urls.put(
                        "story_recordings[" + i + "].url",
                        a.storyRecordings.get(i).url());
            }
        }
        return urls;
    }

    private ProfileVersion edit(ProfileVersion version, String ifMatch, ObjectNode patch) {
        if (version.history()) {
            throw new Conflict("profile version " + version.id + " is history and read-only; create a draft from it "
                    + "(POST /api/v1/profiles/drafts with source_id) to change it");
        }
        ETags.checkIfMatch(ifMatch, etag(version));
        ProfilePatch.Applied applied = fields.apply(version.answers, version.versionNotes, patch);
        check(version.userId, applied, patch);
        List<String> mediaBefore = ProfileEvents.mediaUrls(version.answers);
        version.answers = applied.answers();
        version.versionNotes = applied.versionNotes();
        version.completionPercentage = ProfileCompletion.percentage(version.answers);
        version.updatedAt = DatabaseClock.now();
        versions.flush();
        events.updated(version, mediaBefore);
        if (version.active()) {
            events.committed(version, version.id, "edit", publishedFields(version));
        }
        return version;
    }

    private void check(UUID userId, ProfilePatch.Applied applied, ObjectNode patch) {
        List<Recording> recordings = applied.answers().storyRecordings;
        if (recordings != null && patch.has("story_recordings")) {
            Instant now = DatabaseClock.now();
            applied.answers().storyRecordings = recordings.stream()
                    .map(r -> r == null ? null : r.withCreatedAtDefault(now))
                    .toList();
        }
        List<FieldError> errors = ProfileRules.problems(applied.answers(), applied.versionNotes(), today());
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        media.requireUploadedBy(userId, mediaFieldsOf(applied));
        if (recordings != null && patch.has("story_recordings")) {
            applied.answers().storyRecordings = media.withTranscripts(userId, applied.answers().storyRecordings);
        }
    }

    private ProfileVersion makeActive(UUID userId, ProfileVersion next, String reason) {
        Instant now = DatabaseClock.now();
        UUID previousId = null;
        var previous = versions.active(userId);
        if (previous.isPresent()) {
            ProfileVersion old = previous.get();
            previousId = old.id;
            old.isActive = false;
            old.updatedAt = now;
            versions.flush(); // before the next one turns active: one active version per member, at every statement
            events.stateChanged(old);
        }
        next.isDraft = false;
        next.isActive = true;
        next.updatedAt = now;
        versions.flush();
        events.stateChanged(next);
        events.committed(next, previousId, reason, publishedFields(next));
        return next;
    }

    private ProfileVersion newVersion(UUID userId, ProfileAnswers answers, String notes, UUID parentId) {
        Instant now = DatabaseClock.now();
        ProfileVersion version = new ProfileVersion();
        version.id = UUID.randomUUID();
        version.userId = userId;
        version.answers = answers;
        version.versionNotes = notes;
        version.parentVersionId = parentId;
        version.versionNumber = (int) versions.countOf(userId) + 1;
        version.completionPercentage = ProfileCompletion.percentage(answers);
        version.createdAt = now;
        version.updatedAt = now;
        return version;
    }

    private Map<String, Object> publishedFields(ProfileVersion version) {
        return fields.asMap(version.answers, NOT_PUBLISHED);
    }

    private JsonNode readTags(String tags) {
        try {
            return tags == null ? null : json.readTree(tags);
        } catch (Exception e) {
            throw new IllegalStateException("stored ai_tags are unreadable", e);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
