import { describe, expect, it } from 'vitest';
import { checkPostUrl } from './post-url';
import { addDays, rightStatus } from './usage-rights';

describe('rightStatus', () => {
  it.each([
    { startsOn: '2026-01-01', endsOn: null, status: 'active', daysLeft: null },
    { startsOn: '2026-01-01', endsOn: '2027-01-01', status: 'active', daysLeft: 41 },
    { startsOn: '2026-01-01', endsOn: '2026-12-21', status: 'expiring_soon', daysLeft: 30 },
    { startsOn: '2026-01-01', endsOn: '2026-11-21', status: 'expiring_soon', daysLeft: 0 },
    { startsOn: '2026-01-01', endsOn: '2026-11-20', status: 'expired', daysLeft: -1 },
    { startsOn: '2026-12-01', endsOn: null, status: 'upcoming', daysLeft: null },
  ])('$startsOn → $endsOn on 2026-11-21 is $status', ({ startsOn, endsOn, status, daysLeft }) => {
    expect(rightStatus({ startsOn, endsOn }, '2026-11-21')).toEqual({ status, daysLeft });
  });

  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-11-21', 365)).toBe('2027-11-21');
  });
});

describe('checkPostUrl', () => {
  it.each([
    ['https://www.instagram.com/p/Cx1/', 'instagram', 'https://www.instagram.com/p/Cx1/'],
    ['https://instagram.com/reel/abc#comments', 'instagram', 'https://instagram.com/reel/abc'],
    ['https://www.tiktok.com/@jane/video/1', 'tiktok', 'https://www.tiktok.com/@jane/video/1'],
    ['https://youtu.be/abc', 'youtube', 'https://youtu.be/abc'],
    ['https://m.youtube.com/watch?v=abc', 'youtube', 'https://m.youtube.com/watch?v=abc'],
    ['https://blog.example.com/post', 'other', 'https://blog.example.com/post'],
  ] as const)('accepts %s for %s', (value, platform, url) => {
    expect(checkPostUrl(value, platform)).toEqual({ url });
  });

  it.each([
    ['javascript:alert(1)', 'other', 'must start with https:// or http://'],
    ['ftp://instagram.com/p/1', 'instagram', 'must start with https:// or http://'],
    ['instagram.com/p/1', 'instagram', 'must be a full link'],
    ['https://notinstagram.com/p/1', 'instagram', 'must be a link on instagram'],
    ['https://instagram.com.evil.io/p/1', 'instagram', 'must be a link on instagram'],
    ['https://www.tiktok.com/@jane', 'youtube', 'must be a link on youtube'],
    ['https://user:pw@instagram.com/p/1', 'instagram', 'user name or password'],
  ] as const)('refuses %s for %s', (value, platform, message) => {
    const result = checkPostUrl(value, platform);
    expect('error' in result && result.error).toContain(message);
  });
});
