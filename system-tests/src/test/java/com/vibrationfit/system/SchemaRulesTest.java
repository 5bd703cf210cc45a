package com.vibrationfit.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules every service's schema keeps, read from the migrated databases of the running platform, so that a new
 * migration cannot quietly break them.
 */
@ExtendWith(PlatformUnderTest.class)
class SchemaRulesTest {

    @Test
    void everyTableForcesRowLevelSecurity() throws SQLException {
        List<String> open = violations("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
                  and not (c.relrowsecurity and c.relforcerowsecurity)
                order by 1""");
        assertEquals(List.of(), open, "tables without forced row-level security");
    }

    /**
     * Deleting a referenced row checks every referencing table by the foreign key's columns: without an index that
     * leads with them, a member's purge scans the referencing table once per deleted row.
     */
    @Test
    void everyForeignKeyHasAnIndexThatLeadsWithItsColumns() throws SQLException {
        List<String> unindexed = violations("""
                select c.conrelid::regclass || '(' || array_to_string(
                         array(select attname from pg_attribute a
                               where a.attrelid = c.conrelid and a.attnum = any (c.conkey)), ', ') || ')'
                from pg_constraint c
                where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                  and not exists (
                    select 1 from pg_index i
                    where i.indrelid = c.conrelid
                      and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                      and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
                order by 1""");
        assertEquals(List.of(), unindexed, "foreign keys without an index");
    }

    /** "database: row" for each row {@code sql} returns in any service's database. */
    private static List<String> violations(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : ServiceDatabases.DATABASES) {
            try (Connection connection = ServiceDatabases.asOwner(database);
                    ResultSet rs = connection.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    found.add(database + ": " + rs.getString(1));
                }
            }
        }
        return found;
    }
}
