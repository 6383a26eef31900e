import type { ExecutionRecord } from './execution-store';
import type { HistoryEvent } from './types';

/** An event about to be appended: its AWS type and its details, keyed as AWS keys them. */
export interface NewHistoryEvent {
  type: string;
  details?: Record<string, unknown>;
}

/** Engine events this module understands (a subset of aws-local-stepfunctions' EventLog). */
export interface EngineEvent {
  type: string;
  state?: { name: string; input?: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
}

/** Appends an event to the record's history, numbered after the last one. */
export function appendHistory(record: ExecutionRecord, now: Date, event: NewHistoryEvent): HistoryEvent {
  const previous = record.history.at(-1);
  const entry: HistoryEvent = {
    id: (previous?.id ?? 0) + 1,
    previousEventId: previous?.id ?? 0,
    timestamp: now.getTime() / 1000,
    type: event.type,
    ...event.details,
  };
  record.history.push(entry);
  return entry;
}

/**
 * The AWS history events an engine event stands for, named after the ORIGINAL state type (a Wait run as
 * a local Task still reads WaitStateEntered). Execution-level and retry/catch events map to nothing: the
 * execution and the task handlers record those themselves.
 */
export function historyForEngineEvent(event: EngineEvent, stateTypes: ReadonlyMap<string, string>): NewHistoryEvent[] {
  const state = event.state;
  switch (event.type) {
    case 'StateEntered': {
      if (!state) return [];
      const type = stateTypes.get(state.name) ?? 'Task';
      return [
        {
          type: `${type}StateEntered`,
          details: {
            stateEnteredEventDetails: { name: state.name, input: toJson(state.input), inputDetails: { truncated: false } },
          },
        },
      ];
    }
    case 'StateExited': {
      if (!state) return [];
      const type = stateTypes.get(state.name) ?? 'Task';
      return [
        {
          type: `${type}StateExited`,
          details: {
            stateExitedEventDetails: { name: state.name, output: toJson(state.output), outputDetails: { truncated: false } },
          },
        },
      ];
    }
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed': {
      const key = `${event.type[0]!.toLowerCase()}${event.type.slice(1)}EventDetails`;
      return [{ type: event.type, details: { [key]: { name: event.parentState?.name, index: event.index } } }];
    }
    default:
      return [];
  }
}

/** JSON text of a value, as AWS reports inputs and outputs. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
