// Picks media files for a round, with client-side hints for type and size (the server checks again, by
// content).
import { Alert, FileInput, List, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { acceptedMediaTypes, defaultUploadLimits } from './api';
import { formatBytes } from './labels';

/** Problems the browser can see before uploading: declared type, size, count. */
export function mediaHints(files: File[], limits = defaultUploadLimits): string[] {
  const hints: string[] = [];
  if (files.length > limits.maxFiles) hints.push(`At most ${limits.maxFiles} files per round.`);
  let total = 0;
  for (const f of files) {
    total += f.size;
    if (!(acceptedMediaTypes as readonly string[]).includes(f.type)) {
      hints.push(`“${f.name}” is not an accepted image or video (JPEG, PNG, WebP, GIF, MP4, MOV, WebM).`);
      continue;
    }
    const max = f.type.startsWith('video/') ? limits.maxVideoBytes : limits.maxImageBytes;
    if (f.size > max) hints.push(`“${f.name}” is ${formatBytes(f.size)}; the limit is ${formatBytes(max)}.`);
  }
  if (total > limits.maxTotalBytes)
    hints.push(`Together the files are over ${formatBytes(limits.maxTotalBytes)}.`);
  return hints;
}

export function MediaPicker(props: {
  value: File[];
  onChange: (files: File[]) => void;
  label?: string;
  description?: string;
}) {
  const hints = mediaHints(props.value);
  return (
    <>
      <FileInput
        label={props.label ?? 'Media'}
        description={
          props.description ??
          `Images up to ${formatBytes(defaultUploadLimits.maxImageBytes)}, videos up to ${formatBytes(defaultUploadLimits.maxVideoBytes)}, at most ${defaultUploadLimits.maxFiles} files.`
        }
        placeholder="Choose images or videos"
        multiple
        clearable
        accept={acceptedMediaTypes.join(',')}
        leftSection={<IconPhoto size={16} />}
        value={props.value}
        onChange={(files) => props.onChange(files ?? [])}
      />
      {hints.length > 0 ? (
        <Alert color="orange" variant="light" title="Check these files">
          <List size="sm">
            {hints.map((h) => (
              <List.Item key={h}>
                <Text size="sm">{h}</Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </>
  );
}
