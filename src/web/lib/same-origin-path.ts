// Where to go after sign-in comes from the URL (?redirect=…), so anyone can craft it: only a path on this
// site may be followed, never another origin (an open redirect).

/**
 * `value` when it is a path on this site, otherwise undefined. Browsers read `//host` and `/\host` as
 * another host (they treat `\` like `/`), and drop tabs and newlines first, so `/\t/host` is `//host` too:
 * a path must start with exactly one `/` and hold no control characters.
 *
 * @example sameOriginPath('/w/wsp_1/people?q=ada') // '/w/wsp_1/people?q=ada'
 * @example sameOriginPath('//evil.example') // undefined
 */
export function sameOriginPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects.
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}
