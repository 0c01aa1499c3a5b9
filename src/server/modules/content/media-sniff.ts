// Which media type a file really is, from its first bytes (magic numbers), so a renamed executable or an
// HTML page declared as image/png is refused whatever its name or declared type says. Pure.
import type { MediaType } from './content.contract';

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** ISO base media boxes a QuickTime file may open with instead of `ftyp`. */
const quickTimeLeadBoxes = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * The media type the bytes are, or null when they are none Troupe accepts.
 * @example sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // 'image/png'
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return 'image/webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    return ascii(bytes, 8, 4) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  if (bytes.length >= 8 && quickTimeLeadBoxes.has(ascii(bytes, 4, 4))) return 'video/quicktime';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM names its doctype in the header; plain Matroska (.mkv) is not accepted.
    return ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm') ? 'video/webm' : null;
  }
  return null;
}

/**
 * Whether a file declared as `declared` may be stored as `sniffed`. MP4 and QuickTime share one container
 * format (phones label either way), so they accept each other; everything else must agree exactly.
 */
export function isDeclaredTypeConsistent(declared: string, sniffed: MediaType): boolean {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === sniffed) return true;
  const isoFamily = new Set(['video/mp4', 'video/quicktime']);
  return isoFamily.has(type) && isoFamily.has(sniffed);
}

export const mediaExtensions: Record<MediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
};

export function isVideo(type: MediaType): boolean {
  return type.startsWith('video/');
}
