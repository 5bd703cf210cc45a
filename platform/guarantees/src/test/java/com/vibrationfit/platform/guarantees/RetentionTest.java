package com.vibrationfit.platform.guarantees;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.outbox.OutboxRelay;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Inbox records and sent outbox events are kept for their documented retention (14 and 7 days), then purged;
 * unsent events are never purged, whatever their age.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    OutboxRelay relay;

    @Test
    void shouldPurgeInboxRecordsAndSentEventsPastTheirRetentionOnly() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        RawSql.asSystem("""
                insert into processed_events (consumer, event_id, event_type, processed_at) values
                ('test', '%s', 'test.old', now() - interval '15 days'),
                ('test', '%s', 'test.recent', now() - interval '13 days')""".formatted(old, recent));
        UUID member = UUID.randomUUID();
        UUID sentOld = UUID.randomUUID();
        UUID sentRecent = UUID.randomUUID();
        UUID unsentOld = UUID.randomUUID();
        RawSql.asSystem("""
                insert into outbox_events (id, topic, event_key, type, source, payload, occurred_at, sent_at, parked_at) values
                ('%1$s', '%4$s', '%5$s', 'test.old', 'test', '{}', now() - interval '9 days', now() - interval '8 days', null),
                ('%2$s', '%4$s', '%5$s', 'test.recent', 'test', '{}', now() - interval '6 days', now() - interval '6 days', null),
                ('%3$s', '%4$s', '%5$s', 'test.unsent', 'test', '{}', now() - interval '30 days', null, now())""".formatted(sentOld, sentRecent, unsentOld, NoteEvents.NOTES, member));

        relay.purgeNow(Instant.now());

        assertEquals(
                0,
                RawSql.asSystem("select * from processed_events where event_id = '" + old + "'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select * from processed_events where event_id = '" + recent + "'")
                        .size());
        assertEquals(
                0,
                RawSql.asSystem("select * from outbox_events where id = '" + sentOld + "'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select * from outbox_events where id = '" + sentRecent + "'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select * from outbox_events where id = '" + unsentOld + "'")
                        .size());
        RawSql.asSystem("delete from outbox_events where event_key = '" + member + "'");
    }
}
