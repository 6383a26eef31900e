import type { Bindings } from './bindings';

/** A handler of S3 object-created events on one of Certiflow's buckets. */
export interface BucketEventDefinition {
  id: string;
  bucket: 'deliverablesBucket';
  /** Only keys starting with this prefix are delivered. */
  prefix: string;
  handler: string;
  bindings: Bindings;
}

/** Every S3 event subscription. */
export const BUCKET_EVENTS: readonly BucketEventDefinition[] = [
  {
    id: 'ReceiveDeliverable',
    bucket: 'deliverablesBucket',
    prefix: 'uploads/',
    handler: 'functions/events/receive-deliverable.handler.ts',
    bindings: { table: 'readWrite', auditLog: 'append', deliverablesBucket: 'read' },
  },
];
