/**
 * Uploading a file through media-service: start an upload (a ticket with a presigned PUT URL and
 * the headers to send), PUT the bytes straight to storage with XMLHttpRequest (for progress), then
 * confirm it. The ticket's `media_url` is what a resource stores; never parse it.
 */
import { unwrap, type Api, type Schemas } from './client';
import { ApiFailure, type UiError } from './problem';

export type UploadPurpose = Schemas['UploadPurpose'];
export type UploadTicket = Schemas['UploadTicket'];

/**
 * Header names a page may not set (the Fetch standard's forbidden request headers): the browser
 * sets them itself, e.g. Content-Length from the body, and XMLHttpRequest logs an error for each.
 */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

export function isForbiddenHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

/** The ticket's headers a page can send: all of them but those the browser sets itself. */
export function headersToSend(headers: Record<string, string> | undefined): [string, string][] {
  return Object.entries(headers ?? {}).filter(([name]) => !isForbiddenHeader(name));
}

/** Whole percent of bytes sent, 0-100. */
export function uploadPercent(loaded: number, total: number): number {
  if (!Number.isFinite(loaded) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((loaded / total) * 100)));
}

function uploadError(status: number): UiError {
  return {
    kind: status === 0 ? 'offline' : status >= 500 ? 'server' : 'other',
    title: 'The upload did not go through',
    message:
      status === 0
        ? "We couldn't reach the storage. Check your connection and try again."
        : `The storage refused the file (status ${status}). Please try again.`,
    fieldErrors: {},
    retryable: true,
    ...(status ? { status } : {}),
  };
}

/**
 * PUTs the bytes to the ticket's upload_url with its headers; onProgress gets the bytes sent so
 * far and the total. Rejects with an ApiFailure when storage answers anything but 2xx.
 */
export function putToStorage(
  ticket: UploadTicket,
  body: Blob,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!ticket.upload_url) {
      reject(new ApiFailure(uploadError(0)));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method || 'PUT', ticket.upload_url);
    for (const [name, value] of headersToSend(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      onProgress?.(event.loaded, event.lengthComputable ? event.total : body.size);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(body.size, body.size);
        resolve();
      } else {
        reject(new ApiFailure(uploadError(xhr.status)));
      }
    };
    xhr.onerror = () => reject(new ApiFailure(uploadError(0)));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * The whole upload: ticket, bytes, confirmation. Resolves with the ticket (its `media_url` is the
 * reference to store). Validation errors of the start (type, size, quota) reject as ApiFailure
 * with their field errors (`content_type`, `size_bytes`).
 */
export async function uploadMedia(
  api: Api,
  file: Blob,
  purpose: UploadPurpose,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadTicket> {
  const ticket = await unwrap(
    api.POST('/api/v1/media/uploads', {
      body: { purpose, content_type: file.type, size_bytes: file.size },
      signal,
    }),
  );
  await putToStorage(ticket, file, onProgress, signal);
  if (!ticket.id) throw new ApiFailure(uploadError(0));
  await unwrap(
    api.POST('/api/v1/media/uploads/{id}/complete', {
      params: { path: { id: ticket.id } },
      signal,
    }),
  );
  return ticket;
}

/** Removes an upload that nothing took (replaced or removed before what held it was saved). */
export async function discardUpload(api: Api, objectId: string): Promise<void> {
  await api.DELETE('/api/v1/media/objects/{id}', { params: { path: { id: objectId } } });
}
