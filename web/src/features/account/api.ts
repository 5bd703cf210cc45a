/** The account screen's API calls: tokens and usage (ai-usage-service), exports and deletion (profile-service). */
import { unwrap, type Api, type Schemas } from '../../api/client';
import type { AccountExport } from './exportStatus';

export type Balance = Schemas['TokenBalance'];
export type UsageSummary = Schemas['UsageSummary'];
export type UsageRow = Schemas['TokenUsage'];

export const USAGE_PAGE = 20;

export function loadBalance(api: Api, signal?: AbortSignal): Promise<Balance> {
  return unwrap(api.GET('/api/v1/ai/balance', { signal }));
}

/** The last 30 days (the API's default range), per day, per action and per model. */
export function loadSummary(api: Api, signal?: AbortSignal): Promise<UsageSummary> {
  return unwrap(api.GET('/api/v1/ai/usage/summary', { signal }));
}

export async function loadUsage(
  api: Api,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<{ items: UsageRow[]; next: string | null }> {
  const page = await unwrap(
    api.GET('/api/v1/ai/usage', {
      params: { query: { limit: USAGE_PAGE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
  return { items: page.items ?? [], next: page.next_cursor ?? null };
}

export async function listExports(api: Api, signal?: AbortSignal): Promise<AccountExport[]> {
  return (await unwrap(api.GET('/api/v1/account/exports', { signal }))) ?? [];
}

export function getExport(api: Api, id: string, signal?: AbortSignal): Promise<AccountExport> {
  return unwrap(api.GET('/api/v1/account/exports/{id}', { params: { path: { id } }, signal }));
}

export function requestExport(api: Api): Promise<AccountExport> {
  return unwrap(api.POST('/api/v1/account/exports'));
}

export function deleteAccount(api: Api, confirm: string): Promise<Schemas['AccountDeletion']> {
  return unwrap(api.DELETE('/api/v1/account', { body: { confirm } }));
}
