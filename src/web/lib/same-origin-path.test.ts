import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './same-origin-path';

describe('sameOriginPath', () => {
  it.each(['/', '/w/wsp_1', '/w/wsp_1/people?q=ada&page=2', '/welcome#top', '/a//b', '/a\\b'])(
    'follows the path %s',
    (path) => {
      expect(sameOriginPath(path)).toBe(path);
    },
  );

  it.each([
    ['another host', '//evil.example/w'],
    ['another host, with a backslash', '/\\evil.example'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a newline browsers drop', '/\n/evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'w/wsp_1'],
    ['a backslash first', '\\\\evil.example'],
    ['an empty string', ''],
    ['a number', 42],
    ['nothing', undefined],
  ])('rejects %s', (_, value) => {
    expect(sameOriginPath(value)).toBeUndefined();
  });
});
