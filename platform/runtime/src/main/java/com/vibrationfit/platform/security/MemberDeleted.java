package com.vibrationfit.platform.security;

/**
 * The token belongs to a member whose account was deleted: it may still be valid for a few minutes,
 * but it opens nothing any more (answered 401), so nothing of theirs is written again after the purge.
 */
public class MemberDeleted extends RuntimeException {
    public MemberDeleted() {
        super("this account was deleted");
    }
}
