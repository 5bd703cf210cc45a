package com.vibrationfit.journal.entry;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.journal.stats.JournalStats;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.json.SupportedDates;
import com.vibrationfit.platform.media.KnownMedia;
import com.vibrationfit.platform.media.Recording;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/journal")
@Tag(name = "Journal", description = "Daily journal entries with categories, photos and recordings")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JournalResource {

    /** The longest ?tz= taken: IANA names are at most 32 characters, offsets (UTC+05:30) fewer. */
    static final int TIME_ZONE_MAX_LENGTH = 64;

    /** The longest full-text query ({@code ?q=}). */
    static final int QUERY_MAX_LENGTH = 200;

    @Inject
    JournalService journal;

    @Inject
    CurrentUser user;

    // Waits for just-confirmed uploads here, before the service's transaction: see KnownMedia.
    @Inject
    KnownMedia media;

    @POST
    @Path("/entries")
    @Operation(
            summary = "Write an entry",
            description = "date defaults to today in ?tz= (an IANA zone), else UTC. "
                    + "image_urls and recording urls must be media objects you uploaded through media-service.")
    @APIResponse(responseCode = "400", description = "Invalid field, or a media URL that is not one of your uploads")
    @APIResponse(
            responseCode = "429",
            description =
                    "An upload you reference is not confirmed yet and too many of your requests already wait for theirs: retry after Retry-After")
    @APIResponseSchema(value = JournalEntryView.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Parameter(description = "IANA time zone, e.g. Europe/Paris")
                    @QueryParam("tz")
                    @Size(max = TIME_ZONE_MAX_LENGTH)
                    String tz,
            @Valid NewJournalEntry body) {
        InvalidRequest.requireBody(body, "a JSON object");
        ZoneId zone = zone(tz);
        media.awaitUploaded(user.id(), mediaUrlsOf(body.imageUrls(), body.audioRecordings()));
        JournalEntry entry = journal.create(user.id(), zone, body);
        return Response.created(URI.create("/api/v1/journal/entries/" + entry.id))
                .tag(ETags.entityTag(JournalService.etag(entry)))
                .entity(journal.view(entry))
                .build();
    }

    @GET
    @Path("/entries")
    @Operation(summary = "My entries, newest first (or best match first with q)")
    public Page<JournalEntryView> list(
            @Parameter(
                            description = "first date, YYYY-MM-DD",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "last date, YYYY-MM-DD",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "one of the 12 life category keys",
                            schema = @Schema(implementation = LifeCategory.class))
                    @QueryParam("category")
                    String category,
            @Parameter(description = "full-text search (words, \"phrases\", -excluded)")
                    @QueryParam("q")
                    @Size(max = QUERY_MAX_LENGTH)
                    String q,
            @Parameter(
                            description = "true: only entries with photos or recordings; false: only without",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("has_media")
                    String hasMedia,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        LifeCategory wanted = null;
        if (category != null) {
            wanted = LifeCategory.fromKey(category).orElse(null);
            if (wanted == null) {
                errors.add(new FieldError("category", "must be one of " + LifeCategory.keys()));
            }
        }
        Boolean media = null;
        if (hasMedia != null) {
            if (!hasMedia.equals("true") && !hasMedia.equals("false")) {
                errors.add(new FieldError("has_media", "must be true or false"));
            } else {
                media = Boolean.valueOf(hasMedia);
            }
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        PageRequest page = PageRequest.of(limit, null);
        return journal.list(user.id(), new JournalFilter(fromDate, toDate, wanted, query, media), page.limit(), cursor)
                .map(journal::view);
    }

    @GET
    @Path("/entries/recent")
    @Operation(summary = "My most recently written entries (10 by default)")
    @APIResponse(
            responseCode = "200",
            description = "Newest first, at most limit",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = JournalEntryView.class,
                                            maxItems = PageRequest.MAX_LIMIT)))
    public List<JournalEntryView> recent(
            @Parameter(description = "1..100, default 10") @QueryParam("limit") Integer limit) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw InvalidRequest.of("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        return journal.recent(user.id(), size).stream().map(journal::view).toList();
    }

    @GET
    @Path("/entries/{id}")
    @Operation(summary = "One of my entries, with its ETag")
    @APIResponse(responseCode = "404", description = "No such entry of yours")
    @APIResponseSchema(
            value = JournalEntryView.class,
            responseCode = "200",
            responseDescription = "The entry, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        return withETag(journal.get(user.id(), id));
    }

    @PATCH
    @Path("/entries/{id}")
    @Operation(summary = "Edit an entry", description = "Absent fields stay; send If-Match with the ETag you read.")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "400", description = "Invalid field, or a media URL that is not one of your uploads")
    @APIResponse(
            responseCode = "429",
            description =
                    "An upload you reference is not confirmed yet and too many of your requests already wait for theirs: retry after Retry-After")
    @APIResponseSchema(
            value = JournalEntryView.class,
            responseCode = "200",
            responseDescription = "The updated entry with its new ETag")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = ETags.IF_MATCH_MAX_LENGTH) String ifMatch,
            @Valid JournalEntryChanges body) {
        InvalidRequest.requireBody(body, "a JSON object with the fields to change");
        media.awaitUploaded(user.id(), mediaUrlsOf(body.imageUrls(), body.audioRecordings()));
        return withETag(journal.update(user.id(), id, ifMatch, body));
    }

    @DELETE
    @Path("/entries/{id}")
    @Operation(
            summary = "Delete an entry",
            description = "Its photos and recordings no other entry uses are deleted too.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        journal.delete(user.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/entries/{id}/recordings")
    @Operation(
            summary = "Append a voice or video recording",
            description = "An entry holds at most 20 recordings, "
                    + "each url once. url must be a media object you uploaded through media-service.")
    @APIResponse(responseCode = "400", description = "Invalid field, or a url that is not one of your uploads")
    @APIResponse(
            responseCode = "429",
            description =
                    "An upload you reference is not confirmed yet and too many of your requests already wait for theirs: retry after Retry-After")
    @APIResponse(responseCode = "409", description = "The entry already holds 20 recordings, or one with this url")
    @APIResponseSchema(
            value = JournalEntryView.class,
            responseCode = "200",
            responseDescription = "The entry with the recording appended")
    public Response addRecording(@PathParam("id") UUID id, @Valid Recording body) {
        InvalidRequest.requireBody(body, "a recording object");
        media.awaitUploaded(user.id(), List.of(body.url()));
        return withETag(journal.addRecording(user.id(), id, body));
    }

    @DELETE
    @Path("/entries/{id}/recordings/{index}")
    @Operation(summary = "Remove the recording at index (0-based)")
    @APIResponse(responseCode = "404", description = "No such entry of yours, or no recording at that index")
    @APIResponseSchema(
            value = JournalEntryView.class,
            responseCode = "200",
            responseDescription = "The entry without that recording")
    public Response removeRecording(@PathParam("id") UUID id, @PathParam("index") int index) {
        return withETag(journal.removeRecording(user.id(), id, index));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Entries per category and per month, current and longest daily streak")
    public JournalStats stats(
            @Parameter(description = "IANA time zone for today's date")
                    @QueryParam("tz")
                    @Size(max = TIME_ZONE_MAX_LENGTH)
                    String tz) {
        return journal.stats(user.id(), zone(tz));
    }

    private static List<String> mediaUrlsOf(List<String> images, List<Recording> recordings) {
        List<String> urls = new ArrayList<>(images == null ? List.of() : images);
        if (recordings != null) {
            recordings.forEach(recording -> urls.add(recording.url()));
        }
        return urls;
    }

    private Response withETag(JournalEntry entry) {
        return ETags.ok(journal.view(entry), JournalService.etag(entry));
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw InvalidRequest.of("tz", "not a time zone; use an IANA name such as Europe/Paris");
        }
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date, YYYY-MM-DD"));
            return null;
        }
        Optional<String> outOfRange = SupportedDates.problemWith(date);
        outOfRange.ifPresent(problem -> errors.add(new FieldError(field, problem)));
        return outOfRange.isPresent() ? null : date;
    }
}
