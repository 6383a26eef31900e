import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

/** How a Task or Wait state is run locally. */
export type LocalStateKind =
  | { kind: 'lambda-invoke'; resource: string; timeoutSeconds?: number }
  | { kind: 'callback'; resource: string; timeoutSeconds?: number; heartbeatSeconds?: number }
  | { kind: 'lambda-function'; resource: string; timeoutSeconds?: number }
  | { kind: 'wait' };

/** A state machine definition checked and rewritten for the local engine. */
export interface PreparedDefinition {
  /** the rewritten private copy handed to aws-local-stepfunctions */
  engineDefinition: StateMachineDefinition;
  /** original Type of every state, top-level and nested, by name */
  stateTypes: Map<string, string>;
  /** how each Task and Wait state runs locally, by name */
  localStates: Map<string, LocalStateKind>;
  /** names of the top-level states (those an execution can resume at) */
  topLevelStates: Set<string>;
  /** top-level TimeoutSeconds, measured on the virtual clock */
  timeoutSeconds?: number;
}

/** Parameters keys the rewritten states hand to the local handlers. */
export const LOCAL_PARAMS = {
  input: 'input',
  timeoutSeconds: 'timeoutSeconds',
  heartbeatSeconds: 'heartbeatSeconds',
  seconds: 'seconds',
  timestamp: 'timestamp',
} as const;

/** Context key holding the real `$$.Execution` (the engine overwrites `Execution.StartTime` and `Execution.Input`). */
export const LOCAL_EXECUTION_CONTEXT_KEY = 'CertiflowLocalExecution';

/** Largest TimeoutSeconds the engine may receive: it arms a Node timer, which overflows past 2^31-1 ms. */
export const ENGINE_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_FUNCTION = /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;
const JSONATA_ONLY_FIELDS = ['Assign', 'Arguments', 'Output'] as const;
const UNSUPPORTED_MAP_FIELDS = ['ItemReader', 'ResultWriter', 'ItemBatcher'] as const;
const EXECUTION_CONTEXT = /\$\$\.Execution(?![A-Za-z0-9_])/g;

type Json = Record<string, unknown>;

/** Definitions that passed the engine's validator, which takes ~200 ms a call. */
const validDefinitions = new Set<string>();

/**
 * Checks a definition (JSONPath only, Lambda tasks only, valid ASL) and builds the private copy the
 * engine runs: Task and Wait states call local handlers, timeouts leave the engine's real-time timers,
 * and `$$.Execution` paths read the real execution context. Throws an Error naming the state machine
 * and the offending state when the definition cannot run locally.
 */
export function prepareDefinition(stateMachineName: string, definition: Json): PreparedDefinition {
  const fail = (reason: string): never => {
    throw new Error(`state machine '${stateMachineName}' cannot run locally: ${reason}`);
  };
  if (definition['QueryLanguage'] === 'JSONata') fail('JSONata is not supported locally; write JSONPath');
  const text = JSON.stringify(definition);
  if (!validDefinitions.has(text)) {
    try {
      new StateMachine(JSON.parse(text) as StateMachineDefinition);
    } catch (error) {
      fail((error as Error).message);
    }
    validDefinitions.add(text);
  }

  const prepared: PreparedDefinition = {
    engineDefinition: undefined as unknown as StateMachineDefinition,
    stateTypes: new Map(),
    localStates: new Map(),
    topLevelStates: new Set(Object.keys(asObject(definition['States']))),
    ...(typeof definition['TimeoutSeconds'] === 'number' ? { timeoutSeconds: definition['TimeoutSeconds'] } : {}),
  };
  const engineDefinition = rewriteContextPaths(structuredClone(definition)) as Json;
  delete engineDefinition['TimeoutSeconds'];
  transformStates(engineDefinition, prepared, fail);
  prepared.engineDefinition = engineDefinition as unknown as StateMachineDefinition;
  return prepared;
}

function transformStates(machine: Json, prepared: PreparedDefinition, fail: (reason: string) => never): void {
  const states = asObject(machine['States']);
  for (const [name, raw] of Object.entries(states)) {
    const state = asObject(raw);
    const type = String(state['Type']);
    const where = `state '${name}'`;
    if (prepared.stateTypes.has(name)) fail(`${where} is defined twice`);
    prepared.stateTypes.set(name, type);
    if (state['QueryLanguage'] === 'JSONata') fail(`${where} uses JSONata; write JSONPath`);
    for (const field of JSONATA_ONLY_FIELDS) {
      if (field in state) fail(`${where} uses '${field}', which the local engine would silently ignore`);
    }
    if (type === 'Task') states[name] = transformTask(name, state, prepared, fail);
    if (type === 'Wait') states[name] = transformWait(name, state, prepared);
    if (type === 'Map') {
      for (const field of UNSUPPORTED_MAP_FIELDS) {
        if (field in state) fail(`${where} uses '${field}' (distributed Map), not supported locally`);
      }
      transformStates(asObject(state['ItemProcessor'] ?? state['Iterator']), prepared, fail);
    }
    if (type === 'Parallel') {
      for (const branch of state['Branches'] as unknown[]) transformStates(asObject(branch), prepared, fail);
    }
  }
}

function transformTask(name: string, state: Json, prepared: PreparedDefinition, fail: (reason: string) => never): Json {
  const resource = String(state['Resource']);
  const timeoutSeconds = numberField(state, 'TimeoutSeconds');
  const heartbeatSeconds = numberField(state, 'HeartbeatSeconds');
  if (resource === LAMBDA_INVOKE) {
    prepared.localStates.set(name, {
      kind: 'lambda-invoke',
      resource,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    });
  } else if (resource === LAMBDA_CALLBACK) {
    prepared.localStates.set(name, {
      kind: 'callback',
      resource,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(heartbeatSeconds !== undefined ? { heartbeatSeconds } : {}),
    });
  } else if (LAMBDA_FUNCTION.test(resource)) {
    prepared.localStates.set(name, {
      kind: 'lambda-function',
      resource,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    });
  } else {
    fail(`state '${name}': resource '${resource}' is not supported locally (Lambda integrations only)`);
  }
  const parameters: Json = 'Parameters' in state ? { [LOCAL_PARAMS.input]: state['Parameters'] } : { [`${LOCAL_PARAMS.input}.$`]: '$' };
  if (typeof state['TimeoutSecondsPath'] === 'string') parameters[`${LOCAL_PARAMS.timeoutSeconds}.$`] = state['TimeoutSecondsPath'];
  if (typeof state['HeartbeatSecondsPath'] === 'string') parameters[`${LOCAL_PARAMS.heartbeatSeconds}.$`] = state['HeartbeatSecondsPath'];
  const engineState: Json = { ...state, Parameters: parameters, TimeoutSeconds: ENGINE_TIMEOUT_SECONDS };
  for (const field of ['TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Credentials']) delete engineState[field];
  return engineState;
}

function transformWait(name: string, state: Json, prepared: PreparedDefinition): Json {
  prepared.localStates.set(name, { kind: 'wait' });
  const parameters: Json = { [`${LOCAL_PARAMS.input}.$`]: '$' };
  if ('Seconds' in state) parameters[LOCAL_PARAMS.seconds] = state['Seconds'];
  if ('SecondsPath' in state) parameters[`${LOCAL_PARAMS.seconds}.$`] = state['SecondsPath'];
  if ('Timestamp' in state) parameters[LOCAL_PARAMS.timestamp] = state['Timestamp'];
  if ('TimestampPath' in state) parameters[`${LOCAL_PARAMS.timestamp}.$`] = state['TimestampPath'];
  const engineState: Json = {
    Type: 'Task',
    Resource: LAMBDA_INVOKE,
    Parameters: parameters,
    TimeoutSeconds: ENGINE_TIMEOUT_SECONDS,
  };
  for (const field of ['Comment', 'InputPath', 'OutputPath', 'Next', 'End']) {
    if (field in state) engineState[field] = state[field];
  }
  return engineState;
}

function rewriteContextPaths(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    const isPath = key.endsWith('.$') || key.endsWith('Path') || key === 'Variable';
    return isPath ? value.replace(EXECUTION_CONTEXT, `$$$$.${LOCAL_EXECUTION_CONTEXT_KEY}`) : value;
  }
  if (Array.isArray(value)) return value.map((item) => rewriteContextPaths(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteContextPaths(v, k)]));
  }
  return value;
}

function numberField(state: Json, field: string): number | undefined {
  const value = state[field];
  return typeof value === 'number' ? value : undefined;
}

function asObject(value: unknown): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value as Json;
}
