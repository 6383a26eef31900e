import { createOperations } from './api';
import { prepareDefinition } from './definition-transform';
import { initEngine } from './engine';
import { ExecutionStore } from './execution-store';
import { Executions, type MachineEntry } from './executions';
import { startJsonProtocolServer } from './http-server';
import { ClockScheduler } from './scheduler';
import { TaskTokens } from './task-tokens';
import type { LocalStepFunctions, LocalStepFunctionsOptions } from './types';

export type {
  ExecutionEndedDetail,
  ExecutionStatus,
  HistoryEvent,
  InvokeFunction,
  LocalLogger,
  LocalStateMachine,
  LocalStepFunctions,
  LocalStepFunctionsOptions,
  VirtualClock,
} from './types';
export { ShiftableClock } from './virtual-clock';

/**
 * Starts a local Step Functions endpoint running the given state machines with aws-local-stepfunctions,
 * waits and callback timeouts measured on `options.clock`, executions persisted under `options.dataDir`
 * (RUNNING ones resume at start). Throws if a definition cannot run locally (JSONata, Assign, non-Lambda
 * tasks, invalid ASL).
 */
export async function startLocalStepFunctions(options: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  await initEngine();
  const machines = new Map<string, MachineEntry>();
  for (const machine of options.stateMachines) {
    machines.set(machine.arn, { machine, prepared: prepareDefinition(machine.name, machine.definition) });
  }
  const scheduler = new ClockScheduler(options.clock);
  const store = new ExecutionStore(options.dataDir);
  const executions = new Executions({
    machines,
    clock: options.clock,
    scheduler,
    tokens: new TaskTokens(),
    store,
    invokeFunction: options.invokeFunction,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onExecutionEnded ? { onEnded: options.onExecutionEnded } : {}),
  });
  const server = await startJsonProtocolServer(
    createOperations(executions, options.clock.now()),
    options.host ?? '127.0.0.1',
    options.port,
    options.logger,
  );
  await executions.restore();
  options.logger?.info('local step functions listening', { url: server.url, stateMachines: [...machines.values()].map((entry) => entry.machine.name) });
  return {
    url: server.url,
    stop: async () => {
      await server.close();
      await executions.shutdown();
      scheduler.close();
    },
    idle: () => executions.idle(),
  };
}
