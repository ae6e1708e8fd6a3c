import type { AuthenticationKind } from '../security/principal';

/** One entry of the append-only audit trail. */
export interface AuditEvent {
  id: string;
  at: string;
  /** The operationId, or authentication.failed / authorization.denied / rate-limit.exceeded. */
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  status?: number;
  actor: string;
  organisation?: string;
  authentication?: AuthenticationKind;
  resource?: string;
  /** The client's address (behind an ingress, see TRUST_PROXY). */
  clientAddress?: string;
  imClient?: string;
  requestId?: string;
  correlationId?: string;
  detail?: string;
  /**
   * Denials (401, 403, 429) are stored one record per action, client and window: how many there
   * were, and the window they fell in. `at`, the ids and the detail are then those of the latest.
   */
  count?: number;
  windowStart?: string;
  windowEnd?: string;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  organisation?: string;
  outcome?: AuditEvent['outcome'];
  from?: string;
  to?: string;
}
