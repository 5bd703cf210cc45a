-- A deleted member's token stays valid until it expires; such a token must not write (or read) again.
-- Every transaction checks the caller's id against deleted_users in the statement that binds the RLS
-- context (see RowLevelSecurityBinder), before app.role is known, so the check must be readable by the
-- application role in any context. It reveals only whether a (random, unguessable) user id was deleted.
CREATE POLICY "Anyone may check whether an account was deleted" ON deleted_users
    FOR SELECT USING (true);
