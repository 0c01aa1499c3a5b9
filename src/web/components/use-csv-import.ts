// The state every CSV import dialog shares: the chosen file, what to do with bad rows, the phase
// (checking with a dry run, or importing) with its upload progress, the latest result and the error.
// `run(dryRun)` sends the file, notifies once rows are written and calls `onImported`; `close()` refuses
// while busy, otherwise forgets everything and closes.
import { useState } from 'react';
import { notifySuccess } from '../lib/notify';
import { messageOf } from '../lib/problems';
import type { CsvOnError } from './csv-import-parts';

export type CsvImportPhase = 'idle' | 'checking' | 'importing';

export type CsvImportFile<R> = (
  file: File,
  options: { dryRun: boolean; onError: CsvOnError },
  onProgress: (percent: number) => void,
) => Promise<R>;

export function useCsvImport<R extends { written: boolean }>(options: {
  /** Sends the file; null while the dialog still lacks something it needs (such as a connection). */
  importFile: CsvImportFile<R> | null;
  /** The toast once rows are written. */
  successMessage: (result: R) => string;
  successTitle?: string;
  /** After rows are written (refresh what shows them). */
  onImported: () => Promise<unknown>;
  /** Closes the dialog (after the state is reset). */
  onClose: () => void;
}) {
  const [file, setFileState] = useState<File | null>(null);
  const [onError, setOnError] = useState<CsvOnError>('abort');
  const [phase, setPhase] = useState<CsvImportPhase>('idle');
  const [progress, setProgress] = useState(0);
  /** The latest result, of a check or an import. */
  const [result, setResult] = useState<R | null>(null);
  /** The result of the latest run when it was an import (not a check); cleared when a run starts. */
  const [imported, setImported] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = phase !== 'idle';
  const canRun = file !== null && options.importFile !== null;

  const clearResult = () => {
    setResult(null);
    setImported(null);
  };

  /** Choosing another file forgets the result of the previous one. */
  const setFile = (next: File | null) => {
    setFileState(next);
    clearResult();
  };

  const close = () => {
    if (busy) return;
    setFileState(null);
    clearResult();
    setError(null);
    setProgress(0);
    setOnError('abort');
    options.onClose();
  };

  const run = async (dryRun: boolean) => {
    const { importFile } = options;
    if (!file || !importFile) return;
    setError(null);
    setImported(null);
    setProgress(0);
    setPhase(dryRun ? 'checking' : 'importing');
    try {
      const r = await importFile(file, { dryRun, onError }, setProgress);
      setResult(r);
      if (!dryRun) setImported(r);
      if (r.written) {
        notifySuccess(options.successMessage(r), options.successTitle);
        await options.onImported();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPhase('idle');
    }
  };

  return {
    file,
    setFile,
    onError,
    phase,
    busy,
    progress,
    result,
    imported,
    error,
    setError,
    clearResult,
    close,
    /** Props for `CsvImportActions`. */
    actions: {
      written: Boolean(result?.written),
      hasFile: canRun,
      busy,
      phase,
      onError,
      setOnError,
      onRun: (dryRun: boolean) => void run(dryRun),
      onClose: close,
    },
  };
}
