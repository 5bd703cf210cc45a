/** Paths the sign-in flow owns; the gateway answers them with index.html like any other app path. */
export const CALLBACK_PATH = '/auth/callback';
/** A page of its own (auth/silent.html), not the app: the hidden frame of a silent sign-in loads it. */
export const SILENT_PATH = '/auth/silent.html';

/** A path inside this app to return to after signing in; anything else is "/". */
export function safeReturnTo(state: unknown): string {
  const returnTo =
    typeof state === 'object' && state !== null
      ? (state as { returnTo?: unknown }).returnTo
      : undefined;
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/') || returnTo.startsWith('//')) {
    return '/';
  }
  if (returnTo.startsWith('/\\')) return '/';
  if (returnTo.startsWith(CALLBACK_PATH) || returnTo.startsWith(SILENT_PATH)) return '/';
  return returnTo;
}
