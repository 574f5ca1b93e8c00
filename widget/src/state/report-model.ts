/**
 * Reader reports in one view: which comment's report form is open, which comments this reader
 * has reported, and sending one. Components read the signals and call the actions.
 */
import { batch, createModel, type ReadonlySignal, signal } from '@preact/signals';
import { asBackendError, type BackendError } from '../backend/backend-error.ts';
import type { ReportReason } from '../protocol/moderation.ts';
import type { Session } from './session.ts';

/** The state and actions of reporting. */
export interface ReportModelShape {
  /** The comment whose report form is open (one at a time). */
  readonly openFor: ReadonlySignal<string | null>;
  /** Comments reported from this page. */
  readonly reported: ReadonlySignal<ReadonlySet<string>>;
  readonly isSending: ReadonlySignal<boolean>;
  /** Why the last report failed (the form stays open with what the reader wrote). */
  readonly error: ReadonlySignal<BackendError | null>;
  /** True when the backend takes reports (the widget hides "Report" otherwise). */
  readonly canReport: ReadonlySignal<boolean>;
  open(id: string | null): void;
  /** Sends a report; resolves true once the server has it. */
  send(id: string, reason: ReportReason, note: string): Promise<boolean>;
}

/** Reporting over a session's backend and reader. */
export const ReportModel = createModel<ReportModelShape, [Session]>((session) => {
  const openFor = signal<string | null>(null);
  const reported = signal<ReadonlySet<string>>(new Set());
  const isSending = signal(false);
  const error = signal<BackendError | null>(null);
  const { backend, reader } = session;
  return {
    openFor,
    reported,
    isSending,
    error,
    canReport: signal(typeof backend.reportComment === 'function'),
    open(id) {
      batch(() => {
        openFor.value = id;
        error.value = null;
      });
    },
    async send(id, reason, note) {
      if (!backend.reportComment || isSending.value) return false;
      isSending.value = true;
      error.value = null;
      try {
        await backend.reportComment(id, reader.voterId(), { reason, ...(note.trim() ? { note: note.trim() } : {}) });
        batch(() => {
          reported.value = new Set([...reported.value, id]);
          openFor.value = null;
        });
        return true;
      } catch (err) {
        error.value = asBackendError(err);
        return false;
      } finally {
        isSending.value = false;
      }
    },
  };
});

/** An instance of ReportModel. */
export type ReportModel = InstanceType<typeof ReportModel>;
