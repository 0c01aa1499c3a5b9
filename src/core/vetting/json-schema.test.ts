// docs/vetting-input.schema.json is the published form of the input schema; it must not drift from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { creatorInputJsonSchema } from './input';

describe('published JSON Schema of the vetting input', () => {
  it('matches the schema the engine validates with', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../../docs/vetting-input.schema.json', import.meta.url), 'utf8'),
    );
    // To update after changing input.ts: write JSON.stringify(creatorInputJsonSchema(), null, 2) to that file.
    expect(published).toEqual(creatorInputJsonSchema());
  });
});
