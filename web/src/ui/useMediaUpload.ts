import { useCallback, useEffect, useRef, useState } from 'react';
import { essentialType, fileErrorOf, fileProblem } from '../api/mediaFiles';
import { toUiError, type UiError } from '../api/problem';
import { uploadMedia, uploadPercent, type UploadPurpose, type UploadTicket } from '../api/upload';
import { useApi } from '../api/useApi';

/** One upload through media-service, as a screen shows it. */
export type UploadState =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'done' }
  /** The file itself won't do (type, size, quota): shown beside the file input. */
  | { kind: 'invalid'; message: string }
  /** Anything else (offline, storage refused, 5xx): shown as an ErrorNotice. */
  | { kind: 'failed'; error: UiError };

/**
 * Uploads a file for a purpose: checks it against media-service's allow-list first, then ticket,
 * PUT with progress and confirmation (src/api/upload.ts). `upload` resolves with the ticket (its
 * `media_url` is what the resource stores), or null when it did not go through (the state says why).
 */
export function useMediaUpload(purpose: UploadPurpose) {
  const api = useApi();
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const upload = useCallback(
    async (file: Blob): Promise<UploadTicket | null> => {
      const problem = fileProblem(file, purpose);
      if (problem) {
        setState({ kind: 'invalid', message: problem });
        return null;
      }
      const type = essentialType(file.type);
      const body = type === file.type ? file : new Blob([file], { type });
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ kind: 'uploading', percent: 0 });
      try {
        const ticket = await uploadMedia(
          api,
          body,
          purpose,
          (loaded, total) => {
            if (!current.signal.aborted) {
              setState({ kind: 'uploading', percent: uploadPercent(loaded, total) });
            }
          },
          current.signal,
        );
        if (!current.signal.aborted) setState({ kind: 'done' });
        return ticket;
      } catch (error) {
        if (current.signal.aborted) return null;
        const ui = toUiError(error);
        const message = fileErrorOf(ui);
        setState(message ? { kind: 'invalid', message } : { kind: 'failed', error: ui });
        return null;
      }
    },
    [api, purpose],
  );

  const reset = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, upload, reset };
}
