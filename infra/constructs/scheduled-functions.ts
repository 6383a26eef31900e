import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { STAGE_ENV } from '../../shared/observability/business-metrics';
import type { ScheduleDefinition } from '../../shared/wiring/schedules';
import type { BindingResources } from './binding-resources';
import { CertiflowFunction, sized } from './certiflow-function';

/** Properties of the scheduled functions. */
export interface ScheduledFunctionsProps {
  readonly schedules: readonly ScheduleDefinition[];
  readonly resources: BindingResources;
  /** The deployment stage, which the functions' business metrics carry as their `stage` dimension. */
  readonly stage: string;
}

/**
 * One function per entry of the schedules wiring table, invoked by an EventBridge rule on its
 * schedule expression. EventBridge retries a delivery it could not make twice within the hour and
 * Lambda retries a failed run twice; the next run supersedes one that still failed, so no
 * dead-letter queue keeps it (its errors alarm says it failed).
 */
export class ScheduledFunctions extends Construct {
  readonly functions: Record<string, CertiflowFunction> = {};
  readonly rules: Record<string, Rule> = {};

  constructor(scope: Construct, id: string, props: ScheduledFunctionsProps) {
    super(scope, id);
    for (const schedule of props.schedules) {
      const fn = new CertiflowFunction(this, `${schedule.id}Function`, {
        handler: schedule.handler,
        description: `${schedule.id}: ${schedule.schedule}`,
        ...sized(schedule.sizing),
      }).applyBindings(schedule.bindings, props.resources);
      fn.addEnvironment(STAGE_ENV, props.stage);
      const rule = new Rule(this, `${schedule.id}Rule`, {
        description: `Runs ${schedule.handler} on ${schedule.schedule}`,
        schedule: Schedule.expression(schedule.schedule),
      });
      rule.addTarget(new LambdaFunction(fn, { retryAttempts: 2, maxEventAge: Duration.hours(1) }));
      this.functions[schedule.id] = fn;
      this.rules[schedule.id] = rule;
    }
  }
}
