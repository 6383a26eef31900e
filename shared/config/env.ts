import * as z from 'zod';
import { STAGE_ENV } from '../observability/business-metrics';
import { BINDING_ENV } from '../wiring/bindings';

const environmentSchema = z.object({
  [BINDING_ENV.table]: z.string().min(1).optional(),
  [BINDING_ENV.auditLog]: z.string().min(1).optional(),
  [BINDING_ENV.deliverablesBucket]: z.string().min(1).optional(),
  [BINDING_ENV.recordsBucket]: z.string().min(1).optional(),
  [BINDING_ENV.sessionStateMachine]: z.string().startsWith('arn:').optional(),
  [STAGE_ENV]: z.string().min(1).optional(),
  [BINDING_ENV.mail]: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'an e-mail address, without a display name').optional(),
  CERTIFLOW_OUTBOX_DIR: z.string().min(1).optional(),
});

type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

function environment(): Environment {
  cached ??= environmentSchema.parse(process.env);
  return cached;
}

/** Thrown at cold start when a function reads a binding it was not given. */
export class MissingConfiguration extends Error {
  constructor(variable: string) {
    super(`environment variable ${variable} is not set: bind the resource to this function in shared/wiring`);
    this.name = 'MissingConfiguration';
  }
}

function required(variable: keyof Environment): string {
  const value = environment()[variable];
  if (!value) throw new MissingConfiguration(variable);
  return value;
}

/** Typed access to the configuration, read and validated once per cold start. */
export const config = {
  tableName: () => required(BINDING_ENV.table),
  auditTableName: () => required(BINDING_ENV.auditLog),
  deliverablesBucketName: () => required(BINDING_ENV.deliverablesBucket),
  recordsBucketName: () => required(BINDING_ENV.recordsBucket),
  sessionStateMachineArn: () => required(BINDING_ENV.sessionStateMachine),
  /** The deployment stage the business metrics are published under; `local` when none is set. */
  stage: (): string => environment()[STAGE_ENV] ?? 'local',
  notificationsFrom: () => required(BINDING_ENV.mail),
  /** The folder the local runtime reads e-mails from: set only locally, where messages are written as `.eml` files instead of sent. */
  outboxDir: (): string | undefined => environment().CERTIFLOW_OUTBOX_DIR,
};

/** Forgets the cached configuration (the local runtime sets the environment before the first call). */
export function resetConfig(): void {
  cached = undefined;
}
