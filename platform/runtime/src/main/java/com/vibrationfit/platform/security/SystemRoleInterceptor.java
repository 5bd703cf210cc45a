package com.vibrationfit.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Runs a {@link SystemRole} method in the system context, before any transaction it begins (so it sits before the
 * transaction interceptor).
 */
@SystemRole
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class SystemRoleInterceptor {

    @Inject
    CurrentUser caller;

    @AroundInvoke
    Object inSystemRole(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        SystemRole role = method.getAnnotation(SystemRole.class);
        if (role == null) {
            role = method.getDeclaringClass().getAnnotation(SystemRole.class);
        }
        String reason = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (role != null && role.forCaller()) {
            UUID member = caller.id();
            return SystemContext.callFor(member, () -> proceed(invocation));
        }
        return SystemContext.call(reason + caller.find().map(id -> " by " + id).orElse(""), () -> proceed(invocation));
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (Exception e) {
            throw SystemRoleInterceptor.<RuntimeException>unchanged(e);
        }
    }

    /** Rethrows what the method threw as it is (a checked exception included), through the Supplier. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E unchanged(Exception e) throws E {
        throw (E) e;
    }
}
