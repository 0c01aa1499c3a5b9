// Renders untrusted text as text, turning http(s) URLs into links — React elements only, never HTML.
import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

const urlPattern = /https?:\/\/[^\s<>"']+/g;
const trailingPunctuation = /[.,;:!?)\]]+$/;

/** Splits `text` into strings and links; a URL's trailing punctuation stays outside the link. */
export function linkify(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    let url = match[0];
    const trail = trailingPunctuation.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trail.length);
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <Anchor key={`${start}-${url}`} href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function LinkifiedText({ text }: { text: string }) {
  return <>{linkify(text)}</>;
}
