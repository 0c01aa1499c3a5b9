import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { hasPath, problemsToErrors, splitProblems } from './problems';

const validation = (problems: Array<{ field: string; message: string }>) =>
  new ApiError({ status: 422, detail: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });

describe('problemsToErrors', () => {
  it('keys messages by field path, capitalised, renaming server fields to form fields', () => {
    expect(
      problemsToErrors(
        [
          { field: 'persona.followerMax', message: 'must not be below followerMin' },
          { field: 'budgetMinor', message: 'must not be negative' },
        ],
        { budgetMinor: 'budget' },
      ),
    ).toEqual({ 'persona.followerMax': 'Must not be below followerMin', budget: 'Must not be negative' });
  });

  it('joins several problems on one field', () => {
    expect(
      problemsToErrors([
        { field: 'name', message: 'is required' },
        { field: 'name', message: 'is too short' },
      ]),
    ).toEqual({ name: 'Required; Too short' });
  });

  it('reads "is required: …" as "Required: …" under the field', () => {
    expect(problemsToErrors([{ field: 'secret', message: 'is required: paste the key' }])).toEqual({
      secret: 'Required: paste the key',
    });
  });
});

describe('hasPath', () => {
  const values = { name: '', tiers: [{ name: 'Nano' }], persona: { followerMax: '' } };
  it.each([
    ['name', true],
    ['tiers.0.name', true],
    ['persona.followerMax', true],
    ['tiers.1.name', false],
    ['socialAccounts.0.handle', false],
  ])('%s → %s', (path, expected) => {
    expect(hasPath(values, path)).toBe(expected);
  });
});

describe('splitProblems', () => {
  const values = { name: '', socialAccounts: [{ handle: 'ada' }] };

  it('puts problems on fields the form has, and asks the user to look at them', () => {
    const split = splitProblems(
      validation([{ field: 'socialAccounts.0.handle', message: 'already taken' }]),
      values,
    );
    expect(split).toEqual({
      fieldErrors: { 'socialAccounts.0.handle': 'Already taken' },
      message: 'Check the highlighted fields and try again.',
    });
  });

  it('names problems on fields the form does not have in the message', () => {
    const split = splitProblems(validation([{ field: 'tierId', message: 'no such tier' }]), values);
    expect(split).toEqual({ fieldErrors: {}, message: 'tierId: No such tier' });
  });

  it('uses the detail of errors without field problems', () => {
    const split = splitProblems(new ApiError({ status: 409, detail: 'Already in this program.' }), values);
    expect(split).toEqual({ fieldErrors: {}, message: 'Already in this program.' });
  });
});
