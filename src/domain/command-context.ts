/** Who caused a change: carried into history, events and the audit trail. */
export interface CommandContext {
  actor: string;
  /** The caller's organisation: owner of the profiles and assessments it creates. */
  organisation: string;
  /** Administrators act across organisations. */
  admin?: boolean;
  correlationId: string;
  imClient?: string;
}
