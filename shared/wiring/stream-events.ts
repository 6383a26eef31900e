import { NOTIFYING_ACTIONS, NOTIFYING_WAITS } from '../use-cases/notifications/messages';
import type { Bindings, FunctionSizing } from './bindings';

/** The address notifications come from unless the deployment names one (`certiflow:notificationsFrom`). */
export const DEFAULT_NOTIFICATIONS_FROM = 'notifications@certiflow.example';

/**
 * An event source mapping filter, as Lambda reads it: each key matches the record's field, an
 * array lists the values it may take. Only this subset of the filter syntax is used, so the
 * local runtime applies the same filters.
 */
export interface StreamFilterPattern {
  [field: string]: StreamFilterPattern | readonly string[];
}

/** A handler of the records of a table's DynamoDB stream, through an event source mapping. */
export interface StreamEventDefinition {
  id: string;
  /** The table whose stream is read; only the audit log has one. */
  table: 'auditLog';
  handler: string;
  bindings: Bindings;
  /** Records per invocation. */
  batchSize: number;
  /** Retries of a failing batch (bisected on error) before its records go to the dead-letter queue. */
  retryAttempts: number;
  /** A record older than this goes to the dead-letter queue unhandled (the stream keeps records 24 hours). */
  maxRecordAgeSeconds: number;
  /** Only records matching one of these reach the function; no filter lets every record through. */
  filters: readonly StreamFilterPattern[];
  sizing?: FunctionSizing;
}

/** Every subscription to a table's stream. */
export const STREAM_EVENTS: readonly StreamEventDefinition[] = [
  {
    id: 'Notify',
    table: 'auditLog',
    handler: 'functions/events/notify.handler.ts',
    bindings: { table: 'readWrite', auditLog: 'append', mail: 'send' },
    batchSize: 10,
    retryAttempts: 10,
    maxRecordAgeSeconds: 86_400,
    filters: [
      { eventName: ['INSERT'], dynamodb: { NewImage: { action: { S: NOTIFYING_ACTIONS } } } },
      { eventName: ['INSERT'], dynamodb: { NewImage: { action: { S: ['workflow.waiting'] }, details: { M: { step: { S: NOTIFYING_WAITS } } } } } },
    ],
    sizing: { timeoutSeconds: 120 },
  },
];
