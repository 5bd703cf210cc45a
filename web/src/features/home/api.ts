/** The home screen's API calls: each card loads on its own, so one slow service never blanks the page. */
import { unwrap, unwrapOrNull, type Api } from '../../api/client';
import { localIsoDate, timeZone } from '../../ui/format';
import {
  greenLineSummary,
  journalSummary,
  tokenSummary,
  visionSummary,
  type GreenLineSummary,
  type JournalSummary,
  type TokenSummary,
  type VisionSummary,
} from './summary';

/**
 * The active vision, else the newest draft. `/visions/active` answers 404 while no version is complete, so it is
 * asked only once a complete version exists: a new member's home makes no failing request.
 */
export async function loadVision(api: Api, signal: AbortSignal): Promise<VisionSummary> {
  const complete = await unwrap(
    api.GET('/api/v1/visions', { params: { query: { status: 'complete', limit: 1 } }, signal }),
  );
  const active = complete.items?.length
    ? await unwrapOrNull(api.GET('/api/v1/visions/active', { signal }))
    : null;
  if (active) return visionSummary(active, null);
  const drafts = await unwrap(
    api.GET('/api/v1/visions', { params: { query: { status: 'draft', limit: 1 } }, signal }),
  );
  return visionSummary(null, drafts.items?.[0] ?? null);
}

export async function loadTokens(api: Api, signal: AbortSignal): Promise<TokenSummary> {
  return tokenSummary(await unwrap(api.GET('/api/v1/ai/balance', { signal })));
}

export async function loadJournal(api: Api, signal: AbortSignal): Promise<JournalSummary> {
  const [stats, recent] = await Promise.all([
    unwrap(api.GET('/api/v1/journal/stats', { params: { query: { tz: timeZone() } }, signal })),
    unwrap(api.GET('/api/v1/journal/entries/recent', { params: { query: { limit: 1 } }, signal })),
  ]);
  return journalSummary(stats, recent[0]?.date, localIsoDate(new Date()));
}

export async function loadGreenLine(api: Api, signal: AbortSignal): Promise<GreenLineSummary> {
  const [completed, inProgress] = await Promise.all([
    unwrap(
      api.GET('/api/v1/assessments', {
        params: { query: { status: 'completed', limit: 1 } },
        signal,
      }),
    ),
    unwrap(
      api.GET('/api/v1/assessments', {
        params: { query: { status: 'in_progress', limit: 1 } },
        signal,
      }),
    ),
  ]);
  return greenLineSummary(completed.items?.[0] ?? null, inProgress.items?.[0] ?? null);
}
