package com.vibrationfit.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every service's database read as its owner role (local-only passwords of ./vf up), under the system context
 * (row-level security is forced even for owners): which rows name a member.
 */
final class ServiceDatabases {

    static final List<String> DATABASES = List.of("profile", "vision", "assessment", "journal", "media", "aiusage");
    /**
     * Bookkeeping that holds a deleted member's id and no data of theirs: the tombstones that make a deletion final
     * and once-only ({@code deleted_users}, {@code account_deletions}), and the S3 keys of their deleted uploads whose
     * presigned PUT URLs may still be alive ({@code revoked_upload_keys}: swept again, then dropped, once they expire),
     * and the last sweep still due of the objects each service wrote under their prefix ({@code member_object_sweeps}:
     * the id and a time, dropped after that sweep).
     */
    static final List<String> TOMBSTONES = List.of(
            "deleted_users", "account_deletions", "processed_events", "revoked_upload_keys", "member_object_sweeps");

    private ServiceDatabases() {}

    /** A connection to {@code database} as its owner role, in the system context for the whole session. */
    static Connection asOwner(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database, database + "_owner", database + "_owner_local_only");
        try (var statement = connection.createStatement()) {
            statement.execute("select set_config('app.role', 'system', false)");
        }
        return connection;
    }

    /** "database.table" to the number of rows whose user_id is {@code userId}, for every table that has one. */
    static Map<String, Integer> rowsOf(String userId) throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = asOwner(database)) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = connection.createStatement().executeQuery("""
                        select table_name from information_schema.columns
                        where table_schema = 'public' and column_name = 'user_id' order by table_name""")) {
                    while (rs.next()) {
                        if (!TOMBSTONES.contains(rs.getString(1))) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                for (String table : tables) {
                    try (PreparedStatement count = connection.prepareStatement(
                            "select count(*) from " + table + " where user_id = cast(? as uuid)")) {
                        count.setString(1, userId);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                rows.put(database + "." + table, rs.getInt(1));
                            }
                        }
                    }
                }
                // The outbox keys events by member: their payloads carry the member's data.
                try (PreparedStatement outbox = connection.prepareStatement(
                        "select count(*) from outbox_events where event_key = ? and type <> 'user.deleted'")) {
                    outbox.setString(1, userId);
                    try (ResultSet rs = outbox.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            rows.put(database + ".outbox_events", rs.getInt(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Whether media-service's projection of vision sections already holds text for this section: the vision's
     * {@code vision.created} and its {@code vision.updated} arrive separately, and a narration asked for in between
     * finds the section still empty and (rightly) narrates nothing.
     */
    static boolean mediaKnowsSectionText(String visionId, String sectionKey) throws SQLException {
        try (Connection connection = asOwner("media")) {
            try (PreparedStatement query = connection.prepareStatement("""
                    select count(*) from vision_sections
                    where vision_id = cast(? as uuid) and section_key = ? and length(trim(text_content)) > 0""")) {
                query.setString(1, visionId);
                query.setString(2, sectionKey);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        }
    }

    /** Whether ai-usage-service's copy of the vision (VIVA's context) holds {@code text} in the section. */
    static boolean vivaKnowsSectionText(String visionId, String sectionKey, String text) throws SQLException {
        try (Connection connection = asOwner("aiusage")) {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from member_visions where vision_id = cast(? as uuid) and sections ->> ? = ?")) {
                query.setString(1, visionId);
                query.setString(2, sectionKey);
                query.setString(3, text);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        }
    }
}
