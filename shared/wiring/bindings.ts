/**
 * What a function needs from the stateful resources. The CDK construct turns each
 * binding into an environment variable and its IAM grant, together; the local runtime
 * sets the same environment variables.
 */
export interface Bindings {
  /** The DynamoDB table: `probe` may only describe it (health checks). */
  table?: DataAccess;
  /**
   * The audit log, a table of its own: `append` may only add events (PutItem), never change or
   * delete one; `read` may only read them; `readAppend` both (an export that records itself).
   */
  auditLog?: 'append' | 'read' | 'readAppend';
  /** The deliverables bucket: `probe` may only list it (health checks). */
  deliverablesBucket?: DataAccess;
  /** The records bucket (sealed PVs and grids). */
  recordsBucket?: DataAccess;
  /** The session lifecycle state machine: describe it, start and read executions, list them (`list` alone), answer callback tasks. */
  sessionStateMachine?: Array<'describe' | 'start' | 'read' | 'list' | 'taskResponse'>;
  /** E-mail through SES: `send` may send from the notifications address, on its identity only. */
  mail?: 'send';
}

/** A function's size when the defaults (10 s, 512 MB; 30 s for state machine tasks) do not fit its work, e.g. rendering documents. */
export interface FunctionSizing {
  timeoutSeconds?: number;
  memoryMB?: number;
}

/** How much of a table or bucket a function may touch. */
export type DataAccess = 'probe' | 'read' | 'readWrite';

/** The environment variable each binding sets. Handlers read them through `shared/config`. */
export const BINDING_ENV = {
  table: 'TABLE_NAME',
  auditLog: 'AUDIT_TABLE_NAME',
  deliverablesBucket: 'DELIVERABLES_BUCKET_NAME',
  recordsBucket: 'RECORDS_BUCKET_NAME',
  sessionStateMachine: 'SESSION_STATE_MACHINE_ARN',
  mail: 'NOTIFICATIONS_FROM',
} as const satisfies Record<keyof Bindings, string>;
