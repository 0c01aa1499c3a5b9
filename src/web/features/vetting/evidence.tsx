// Evidence click-through (V9): a flag's evidence names posts, comments, followers, accounts and dates;
// clicking one scrolls the page to that item (in the posts panel or a section) and highlights it.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Evidence } from '../../../core/vetting/flags';
import { commentAnchor, postAnchor } from './report-view';

export const followerAnchor = (username: string) => `vet-follower-${encodeURIComponent(username)}`;
export const accountAnchor = (author: string) => `vet-account-${encodeURIComponent(author)}`;
export const growthAnchor = 'vet-section-growth';

interface EvidenceFocus {
  /** The anchor id currently highlighted. */
  highlighted: string | null;
  /** The post whose comments must all be shown (a highlighted comment may be beyond the first few). */
  openPostId: string | null;
  show: (anchorId: string, postId?: string) => void;
}

const EvidenceContext = createContext<EvidenceFocus>({ highlighted: null, openPostId: null, show: () => {} });

export function EvidenceProvider({ children }: { children: ReactNode }) {
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [openPostId, setOpenPostId] = useState<string | null>(null);
  const show = useCallback((anchorId: string, postId?: string) => {
    setHighlighted(anchorId);
    if (postId) setOpenPostId(postId);
    // Wait a frame so an expanded post has rendered the comment before scrolling to it.
    requestAnimationFrame(() =>
      document.getElementById(anchorId)?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
    );
  }, []);
  const value = useMemo(() => ({ highlighted, openPostId, show }), [highlighted, openPostId, show]);
  return <EvidenceContext.Provider value={value}>{children}</EvidenceContext.Provider>;
}

export function useEvidence(): EvidenceFocus {
  return useContext(EvidenceContext);
}

/** Props that mark an element as an evidence target, highlighted while it is the one shown. */
export function useTarget(anchorId: string) {
  const { highlighted } = useEvidence();
  const isHighlighted = highlighted === anchorId;
  return {
    id: anchorId,
    'data-highlighted': isHighlighted ? 'true' : undefined,
    style: isHighlighted
      ? {
          background: 'var(--mantine-color-yellow-1)',
          outline: '2px solid var(--mantine-color-yellow-6)',
          borderRadius: 'var(--mantine-radius-sm)',
          transition: 'background 200ms',
        }
      : { transition: 'background 200ms' },
  };
}

function More({ count }: { count: number }) {
  return count > 0 ? (
    <Text size="xs" c="dimmed">
      and {count} more
    </Text>
  ) : null;
}

function LinkList({
  label,
  items,
  onPick,
}: {
  label: string;
  items: string[];
  onPick: (item: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" align="baseline">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" w={72}>
        {label}
      </Text>
      {items.map((item) => (
        <Anchor key={item} component="button" type="button" size="xs" onClick={() => onPick(item)}>
          {item}
        </Anchor>
      ))}
    </Group>
  );
}

function Tags({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" w={72}>
        {label}
      </Text>
      {items.map((item) => (
        <Badge key={item} size="sm" variant="outline" color="gray" tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  );
}

/** A flag's evidence as links; comments show their text so the reviewer can judge before clicking. */
export function EvidenceList({ evidence, section }: { evidence: Evidence; section: string }) {
  const { show } = useEvidence();
  const comments = evidence.comments ?? [];
  const shownComments = comments.slice(0, 5);
  return (
    <Stack gap={6}>
      {shownComments.length > 0 ? (
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Comments
          </Text>
          {shownComments.map((c) => (
            <Anchor
              key={`${c.postId}:${c.index}`}
              component="button"
              type="button"
              size="xs"
              ta="left"
              onClick={() => show(commentAnchor(c.postId, c.index), c.postId)}
              style={{ overflowWrap: 'anywhere' }}
            >
              @{c.author} on {c.postId}: “{c.text}”
            </Anchor>
          ))}
          <More count={comments.length - shownComments.length} />
        </Stack>
      ) : null}
      <LinkList label="Posts" items={evidence.posts ?? []} onPick={(p) => show(postAnchor(p), p)} />
      <LinkList label="Followers" items={evidence.followers ?? []} onPick={(f) => show(followerAnchor(f))} />
      {section === 'pods' ? (
        <LinkList label="Accounts" items={evidence.accounts ?? []} onPick={(a) => show(accountAnchor(a))} />
      ) : (
        <Tags label="Accounts" items={evidence.accounts ?? []} />
      )}
      {section === 'growth' ? (
        <LinkList label="Dates" items={evidence.dates ?? []} onPick={() => show(growthAnchor)} />
      ) : (
        <Tags label="Dates" items={evidence.dates ?? []} />
      )}
      <Tags label="Brands" items={evidence.brands ?? []} />
      {evidence.omitted ? (
        <Text size="xs" c="dimmed">
          {evidence.omitted} more not named in this flag; the posts panel and the section below list them all.
        </Text>
      ) : null}
    </Stack>
  );
}
