/**
 * What a function needs from the stateful resources. The CDK construct turns each
 * binding into an environment variable and its IAM grant, together; the local runtime
 * sets the same environment variables.
 */
export interface Bindings {
  /** The DynamoDB table, read only or read and write. */
  table?: 'read' | 'readWrite';
  /** The deliverables bucket. */
  deliverablesBucket?: 'read' | 'readWrite';
  /** The records bucket (sealed PVs and grids). */
  recordsBucket?: 'read' | 'readWrite';
  /** The session lifecycle state machine: start and read executions, answer callback tasks. */
  sessionStateMachine?: Array<'start' | 'read' | 'taskResponse'>;
}

/** The environment variable each binding sets. Handlers read them through `shared/config`. */
export const BINDING_ENV = {
  table: 'TABLE_NAME',
  deliverablesBucket: 'DELIVERABLES_BUCKET_NAME',
  recordsBucket: 'RECORDS_BUCKET_NAME',
  sessionStateMachine: 'SESSION_STATE_MACHINE_ARN',
} as const satisfies Record<keyof Bindings, string>;
