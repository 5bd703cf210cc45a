package com.vibrationfit.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that stops PostgreSQL ({@link PostgresCluster#stop()}, on a cluster of its own: {@link
 * OwnPostgres}). Such a class needs a Quarkus boot of its own, and a third boot in one test JVM after it has been
 * seen to find beans of an earlier one; so {@code ./vf test} runs the module tests without these
 * ({@code -DexcludedGroups=stops-postgres}) and then these in JVMs of their own ({@code -Dgroups=stops-postgres}),
 * beside the system tests: they leave the shared cluster alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(StopsPostgres.TAG)
public @interface StopsPostgres {

    /** The JUnit tag, as Surefire's {@code groups} and {@code excludedGroups} name it. */
    String TAG = "stops-postgres";
}
