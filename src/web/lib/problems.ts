// Maps the server's field problems (`persona.followerMax`, `socialAccounts.0.handle`) onto form fields.
import { ApiError, type FieldProblem } from './api';

/**
 * Groups problems by form path. `rename` maps a server field to the form's (e.g. budgetMinor → budget).
 * Several problems on one field are joined.
 */
export function problemsToErrors(
  problems: FieldProblem[],
  rename: Record<string, string> = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const field = rename[p.field] ?? p.field;
    // Messages are written to follow the field's name ("is required: paste…", "is not valid"); under the
    // field itself they read "Required: paste…", "Not valid".
    const text = p.message.replace(/^is (?=\S)/, '');
    const message = text.charAt(0).toUpperCase() + text.slice(1);
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  }
  return errors;
}

/** The field errors an error carries (none when it is not an ApiError). */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  return error instanceof ApiError ? problemsToErrors(error.problems, rename) : {};
}

/** A readable message for any error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

/** Whether `values` has a value at a dotted path such as `tiers.0.name`. */
export function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Splits an error into errors for the form's own fields and one message for everything else: the
 * server's detail when it names no fields, or the problems that have no field in the form.
 */
export function splitProblems(
  error: unknown,
  values: unknown,
  rename: Record<string, string> = {},
): { fieldErrors: Record<string, string>; message: string } {
  if (!(error instanceof ApiError) || error.problems.length === 0)
    return { fieldErrors: {}, message: messageOf(error) };
  const all = problemsToErrors(error.problems, rename);
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(all)) {
    if (hasPath(values, field)) fieldErrors[field] = message;
    else rest.push(field === '(body)' ? message : `${field}: ${message}`);
  }
  return {
    fieldErrors,
    message: rest.length > 0 ? rest.join('; ') : 'Check the highlighted fields and try again.',
  };
}

/** Scrolls the first invalid input (or alert) inside `root` into view and focuses it. */
export function revealFirstError(root: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const target =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root?.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (target.matches('input, textarea, select, button')) target.focus({ preventScroll: true });
  });
}
