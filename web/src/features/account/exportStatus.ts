/**
 * What the member is told about a data export while it is prepared, when it is ready, and when it
 * failed or expired; and how often to ask again. Pure.
 */
import type { Schemas } from '../../api/client';
import { formatDate, formatNumber } from '../../ui/format';

export type AccountExport = Schemas['AccountExport'];

const SERVICE_NAMES: Record<string, string> = {
  'profile-service': 'your profile',
  'vision-service': 'your Life Vision and vision board',
  'assessment-service': 'your assessments',
  'journal-service': 'your journal',
  'media-service': 'your photos, recordings and narrations',
  'ai-usage-service': 'your AI tokens and VIVA conversations',
};

export function serviceName(service: string): string {
  return SERVICE_NAMES[service] ?? service.replace(/-service$/, '');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "4.0 KB", "1.2 MB": what a download weighs. */
export function formatBytes(bytes: number | undefined | null): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export interface ExportStatus {
  tone: 'progress' | 'ready' | 'failed' | 'expired';
  title: string;
  detail: string;
  /** While collecting: parts arrived of parts expected. */
  progress?: { value: number; max: number };
  /** Whether to ask for the export again (it is still being prepared). */
  polling: boolean;
}

export function exportStatus(item: AccountExport): ExportStatus {
  switch (item.state) {
    case 'ready': {
      const size = formatBytes(item.size_bytes);
      const files = item.file_count ?? 0;
      const missing = item.missing_files?.length ?? 0;
      const parts = [
        size,
        `${formatNumber(files)} media ${files === 1 ? 'file' : 'files'}`,
        item.expires_at ? `kept until ${formatDate(item.expires_at)}` : '',
      ].filter(Boolean);
      return {
        tone: 'ready',
        title: 'Your export is ready',
        detail:
          `One zip with everything we hold about you: ${parts.join(', ')}.` +
          (missing > 0
            ? ` ${formatNumber(missing)} ${missing === 1 ? 'file was' : 'files were'} deleted before it was built and ${missing === 1 ? 'is' : 'are'} listed in it as missing.`
            : ''),
        polling: false,
      };
    }
    case 'failed':
      return {
        tone: 'failed',
        title: 'The export could not be prepared',
        detail: `${item.failure ? `${item.failure.charAt(0).toUpperCase()}${item.failure.slice(1)}. ` : ''}Nothing is lost: ask for a new export.`,
        polling: false,
      };
    case 'expired':
      return {
        tone: 'expired',
        title: 'This export has expired',
        detail: 'Archives are kept for 7 days. Ask for a new export to download your data again.',
        polling: false,
      };
    default: {
      const arrived = item.parts?.length ?? 0;
      const waiting = item.waiting_for ?? [];
      const max = arrived + waiting.length;
      if (max > 0 && waiting.length === 0) {
        return {
          tone: 'progress',
          title: 'Preparing your export',
          detail: 'Every part is in; the zip is being put together.',
          progress: { value: arrived, max },
          polling: true,
        };
      }
      return {
        tone: 'progress',
        title: 'Preparing your export',
        detail:
          max > 0
            ? `${arrived} of ${max} parts collected. Waiting for ${list(waiting.map(serviceName))}.`
            : 'Collecting your data from every part of VibrationFit.',
        ...(max > 0 ? { progress: { value: arrived, max } } : {}),
        polling: true,
      };
    }
  }
}

/** How long to wait before asking again: every second at first, then less often (at most 5 s). */
export function pollDelay(attempt: number): number {
  if (attempt < 10) return 1000;
  if (attempt < 30) return 2000;
  return 5000;
}

/** Whether a ready export's download link still works (with a margin for the click). */
export function linkUsable(item: AccountExport, now: number, marginMs = 15_000): boolean {
  if (item.state !== 'ready' || !item.download_url) return false;
  if (!item.download_url_expires_at) return true;
  const expires = Date.parse(item.download_url_expires_at);
  return Number.isNaN(expires) || expires - marginMs > now;
}
