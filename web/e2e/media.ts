/**
 * Media for journeys: a small PNG made here, and an upload through media-service from the test
 * itself (ticket, PUT to the presigned URL with the ticket's headers, confirmation), for setting
 * up data with pictures without clicking through a screen.
 */
import { deflateSync } from 'node:zlib';
import { callApi } from './api';

/** A small solid-colour PNG: signature, IHDR, one IDAT, IEND. */
export function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Ticket {
  id: string;
  upload_url: string;
  method?: string;
  headers?: Record<string, string>;
  media_url: string;
}

/** Uploads bytes for a purpose as the member; returns the media_url to store on a resource. */
export async function uploadAsMember(
  token: string,
  purpose: string,
  contentType: string,
  bytes: Buffer,
): Promise<string> {
  const ticket = await callApi<Ticket>(token, 'POST', '/api/v1/media/uploads', {
    purpose,
    content_type: contentType,
    size_bytes: bytes.length,
  });
  const headers = Object.fromEntries(
    Object.entries(ticket.headers ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-length',
    ),
  );
  const put = await fetch(ticket.upload_url, {
    method: ticket.method ?? 'PUT',
    headers,
    body: new Uint8Array(bytes),
  });
  if (!put.ok) throw new Error(`PUT to storage: ${put.status} ${await put.text()}`);
  await callApi(token, 'POST', `/api/v1/media/uploads/${ticket.id}/complete`);
  return ticket.media_url;
}
