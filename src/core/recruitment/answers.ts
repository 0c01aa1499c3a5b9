// R1: checks an applicant's answers against the program's questions — required, type, choice options —
// and turns them into the snapshot stored with the application. Pure: no I/O.

export type QuestionType = 'text' | 'choice' | 'url' | 'number';

export interface QuestionSpec {
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options: readonly string[];
}

export interface CheckedAnswer {
  questionId: string;
  label: string;
  type: QuestionType;
  value: string | number | null;
}

export interface AnswerProblem {
  /** `answers.<questionId>`, the path the API reports and the form shows the message at. */
  field: string;
  message: string;
}

export type AnswersCheck = { ok: true; answers: CheckedAnswer[] } | { ok: false; problems: AnswerProblem[] };

export const maxTextAnswerLength = 2000;
export const maxUrlAnswerLength = 500;

const numberPattern = /^-?\d+(\.\d+)?$/;

/** Whether `value` is an absolute http(s) address with a dotted host (no `javascript:`, no bare hosts). */
export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && /\.[a-z0-9-]{2,}$/i.test(url.hostname);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** One answer's value, or the problem with it; `raw` is known not to be blank. */
function checkValue(q: QuestionSpec, raw: unknown): { value: string | number } | { problem: string } {
  switch (q.type) {
    case 'text': {
      if (typeof raw !== 'string') return { problem: 'must be text' };
      const text = raw.trim();
      if (text.length > maxTextAnswerLength)
        return { problem: `must be at most ${maxTextAnswerLength} characters` };
      return { value: text };
    }
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && numberPattern.test(raw.trim())
            ? Number(raw)
            : NaN;
      if (!Number.isFinite(n)) return { problem: 'must be a number' };
      return { value: n };
    }
    case 'url': {
      if (typeof raw !== 'string')
        return { problem: 'must be an http(s) address such as https://example.com' };
      const url = raw.trim();
      if (url.length > maxUrlAnswerLength)
        return { problem: `must be at most ${maxUrlAnswerLength} characters` };
      if (!isHttpUrl(url)) return { problem: 'must be an http(s) address such as https://example.com' };
      return { value: url };
    }
    case 'choice': {
      const choice = typeof raw === 'string' ? raw.trim() : raw;
      if (typeof choice !== 'string' || !q.options.includes(choice))
        return { problem: `must be one of: ${q.options.join(', ')}` };
      return { value: choice };
    }
  }
}

/**
 * Checks `answers` (question id → value) against `questions`. Every problem is reported at once, each
 * naming its field; answers to questions that are not on the form are refused rather than silently dropped.
 * Blank optional answers are kept as null so the snapshot lists every question that was asked.
 */
export function checkAnswers(
  questions: readonly QuestionSpec[],
  answers: Record<string, unknown>,
): AnswersCheck {
  const problems: AnswerProblem[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ field: `answers.${id}`, message: 'is not a question on this form' });
  }
  const checked: CheckedAnswer[] = [];
  for (const q of questions) {
    const raw = answers[q.id];
    const base = { questionId: q.id, label: q.label, type: q.type };
    if (isBlank(raw)) {
      if (q.required) problems.push({ field: `answers.${q.id}`, message: 'is required' });
      else checked.push({ ...base, value: null });
      continue;
    }
    const result = checkValue(q, raw);
    if ('problem' in result) problems.push({ field: `answers.${q.id}`, message: result.problem });
    else checked.push({ ...base, value: result.value });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: checked };
}
