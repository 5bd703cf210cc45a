/** The account screen's API calls: tokens and usage (ai-usage-service), exports and deletion (profile-service). */
import { unwrap, type Api, type Schemas } from '../../api/client';
import { cursorPage, pageQuery } from '../../api/paging';
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
      params: { query: pageQuery(USAGE_PAGE, cursor) },
      signal,
    }),
  );
  return cursorPage(page);
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

export function loadPlan(api: Api, signal?: AbortSignal): Promise<Schemas['MemberPlan']> {
  return unwrap(api.GET('/api/v1/ai/plan', { signal }));
}

export function loadOffers(api: Api, signal?: AbortSignal): Promise<Schemas['TokenOffers']> {
  return unwrap(api.GET('/api/v1/ai/offers', { signal }));
}

export async function loadPurchases(
  api: Api,
  signal?: AbortSignal,
): Promise<Schemas['Purchase'][]> {
  return (await unwrap(api.GET('/api/v1/ai/purchases', { signal }))).items ?? [];
}

/** Opens the provider's checkout for a pack or a plan: where to send the member. */
export function startCheckout(
  api: Api,
  offer: { pack_id: string } | { plan_id: string },
): Promise<Schemas['Checkout']> {
  return unwrap(api.POST('/api/v1/ai/checkout', { body: offer }));
}

export function cancelPlan(api: Api): Promise<Schemas['MemberPlan']> {
  return unwrap(api.DELETE('/api/v1/ai/plan'));
}

export function setAutoTopUp(api: Api, enabled: boolean, packId: string): Promise<Balance> {
  return unwrap(api.PUT('/api/v1/ai/auto-topup', { body: { enabled, pack_id: packId } }));
}
