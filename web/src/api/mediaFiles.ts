/**
 * What media-service accepts for each upload purpose (its per-purpose allow-list: content types and
 * the largest size), so a screen can say "that file won't do" before sending anything, and the
 * words for the file input when the server refuses one anyway. Pure: no React, no fetch.
 */
import type { UiError } from './problem';
import type { UploadPurpose } from './upload';

export interface MediaRule {
  /** What the member is choosing, in words: "image", "recording". */
  noun: string;
  /** Accepted content types (without parameters), exactly as media-service lists them. */
  types: readonly string[];
  /** The largest accepted size in bytes. */
  maxBytes: number;
  /** What the member can choose, for a hint beside the input. */
  hint: string;
}

const MB = 1024 * 1024;

const IMAGE: MediaRule = {
  noun: 'image',
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
  maxBytes: 10 * MB,
  hint: 'A JPEG, PNG, WebP or HEIC image, up to 10 MB.',
};

const AUDIO_TYPES = ['audio/webm', 'audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/wav'];
const VIDEO_TYPES = ['video/webm', 'video/mp4', 'video/quicktime'];

const AUDIO: MediaRule = {
  noun: 'recording',
  types: AUDIO_TYPES,
  maxBytes: 50 * MB,
  hint: 'A WebM, Ogg, MP3, M4A or WAV recording, up to 50 MB.',
};

const VIDEO: MediaRule = {
  noun: 'video',
  types: VIDEO_TYPES,
  maxBytes: 500 * MB,
  hint: 'A WebM, MP4 or QuickTime video, up to 500 MB.',
};

const RECORDING: MediaRule = {
  noun: 'recording',
  types: [...AUDIO_TYPES, ...VIDEO_TYPES],
  maxBytes: 500 * MB,
  hint: 'An audio or video recording, up to 500 MB.',
};

export const MEDIA_RULES: Record<UploadPurpose, MediaRule> = {
  journal_image: IMAGE,
  journal_audio: AUDIO,
  journal_video: VIDEO,
  profile_picture: IMAGE,
  progress_photo: IMAGE,
  story_recording: RECORDING,
  vision_board_image: IMAGE,
};

/**
 * The media type without its parameters, lower case: `audio/webm;codecs=opus` → `audio/webm`.
 * media-service compares the bare type, and a MediaRecorder blob carries the codecs.
 */
export function essentialType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/** The `accept` attribute of a file input for this purpose. */
export function acceptFor(purpose: UploadPurpose): string {
  return MEDIA_RULES[purpose].types.join(',');
}

/** "12.5 MB"; rounded up, so a file just over a limit never reads as the limit itself. */
function sizeWords(bytes: number): string {
  if (bytes >= MB) return `${Math.ceil((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/**
 * Why this file cannot be uploaded for this purpose, in words for the member; undefined when it
 * can. Checks what media-service checks: the type (parameters ignored) and the size.
 */
export function fileProblem(
  file: { type: string; size: number },
  purpose: UploadPurpose,
): string | undefined {
  const rule = MEDIA_RULES[purpose];
  const type = essentialType(file.type);
  if (!rule.types.includes(type)) {
    return type
      ? `That file is ${type}, which can't be used here. ${rule.hint}`
      : `That file's type is unknown, so it can't be used here. ${rule.hint}`;
  }
  if (file.size <= 0) return `That file is empty. Please choose another ${rule.noun}.`;
  if (file.size > rule.maxBytes) {
    return `That file is ${sizeWords(file.size)}; the largest is ${sizeWords(rule.maxBytes)}.`;
  }
  return undefined;
}

/**
 * The message for the file input when media-service refused the upload's start: its
 * `content_type` / `size_bytes` field errors (400, or 422 for the storage quota), joined.
 * Undefined when the failure was not about the file (offline, 5xx...).
 */
export function fileErrorOf(error: UiError): string | undefined {
  const parts = [error.fieldErrors.content_type, error.fieldErrors.size_bytes].filter(
    (part): part is string => !!part,
  );
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
