package com.vibrationfit.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that stops the shared PostgreSQL cluster ({@link PostgresCluster#stop()}). Every module's
 * tests use that cluster, so {@code ./vf test} runs the module tests in parallel without these
 * ({@code -DexcludedGroups=stops-postgres}) and then runs these alone ({@code -Dgroups=stops-postgres}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(StopsPostgres.TAG)
public @interface StopsPostgres {

    /** The JUnit tag, as Surefire's {@code groups} and {@code excludedGroups} name it. */
    String TAG = "stops-postgres";
}
