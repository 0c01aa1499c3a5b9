import { describe, expect, it } from 'vitest';
import { isDeclaredTypeConsistent, sniffMediaType } from './media-sniff';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffMediaType', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['gif89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['gif87a', bytes('GIF87a'), 'image/gif'],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['mp4', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0]), 'video/mp4'],
    ['iPhone mov', bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0]), 'video/quicktime'],
    ['old mov', bytes([0, 0, 0, 8], 'wide'), 'video/quicktime'],
    [
      'webm',
      bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1], 'B', [0x82, 0x84], 'webm'),
      'video/webm',
    ],
    ['mkv', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska'), null],
    ['html', bytes('<!doctype html><script>'), null],
    ['RIFF wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), null],
    ['pdf', bytes('%PDF-1.7'), null],
    ['empty', bytes(), null],
    ['too short png', bytes([0x89], 'PN'), null],
  ])('%s', (_name, input, expected) => {
    expect(sniffMediaType(input)).toBe(expected);
  });
});

describe('isDeclaredTypeConsistent', () => {
  it.each([
    ['image/png', 'image/png', true],
    ['IMAGE/PNG', 'image/png', true],
    ['image/jpeg', 'image/png', false],
    ['video/quicktime', 'video/mp4', true],
    ['video/mp4', 'video/quicktime', true],
    ['application/octet-stream', 'image/png', false],
    ['', 'image/gif', false],
    ['text/html', 'image/gif', false],
  ] as const)('%s declared, %s sniffed → %s', (declared, sniffed, expected) => {
    expect(isDeclaredTypeConsistent(declared, sniffed)).toBe(expected);
  });
});
