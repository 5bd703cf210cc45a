/** How an assessment is named in lists and pickers: the day and time it was completed or started. */
import type { Assessment } from './api';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function historyLabel(assessment: Assessment): string {
  const when = assessment.completed_at ?? assessment.started_at ?? assessment.created_at;
  return formatDateTime(when) || 'an unknown date';
}
