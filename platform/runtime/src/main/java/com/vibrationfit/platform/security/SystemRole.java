package com.vibrationfit.platform.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The resource works on tables that only the service writes (their row-level-security policies let a member read
 * and the system manage), so its transactions run in the system role instead of the caller's member context. The
 * resource states which, and the platform binds it: resources never open a {@link SystemContext} themselves.
 *
 * <p>With {@link #forCaller()} the work is the calling member's own: their deletion lock is held and a deleted
 * member is refused (401) exactly as for any member request. Without it (a service spending for a member it names,
 * an admin) the work is plain system work; the rules of the service decide about the member it names.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SystemRole {

    /** Whether the verified token's subject is the member the work is for. */
    @Nonbinding
    boolean forCaller() default false;
}
