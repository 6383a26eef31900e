import type { Bindings, FunctionSizing } from './bindings';

/** A Lambda function that a state machine's Task states invoke. */
export interface StepFunctionDefinition {
  /** The `definitionSubstitutions` key whose value is this function's ARN. */
  substitution: string;
  /** The module exporting `handler`, relative to the repository root. */
  handler: string;
  bindings: Bindings;
  sizing?: FunctionSizing;
}

/** A state machine deployed from a definition file. */
export interface StateMachineDefinition {
  /** Logical id, PascalCase. */
  id: string;
  /** The state machine's name, also its ARN's last segment. */
  name: string;
  /** The ASL file, relative to the repository root: CDK deploys it, the local runtime runs it. */
  definitionFile: string;
  tasks: readonly StepFunctionDefinition[];
}

/** The session lifecycle: one Standard execution per session, named after it. */
export const SESSION_LIFECYCLE: StateMachineDefinition = {
  id: 'SessionLifecycle',
  name: 'certiflow-session-lifecycle',
  definitionFile: 'statemachines/session-lifecycle.asl.json',
  tasks: [
    {
      substitution: 'OpenPlanningFunctionArn',
      handler: 'functions/steps/open-planning.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'AwaitStepFunctionArn',
      handler: 'functions/steps/await-step.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
    },
    {
      substitution: 'CheckPlanningFunctionArn',
      handler: 'functions/steps/check-planning.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'OpenIntakeFunctionArn',
      handler: 'functions/steps/open-intake.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'FreezeDeliverablesFunctionArn',
      handler: 'functions/steps/freeze-deliverables.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'MarkReadyForExamFunctionArn',
      handler: 'functions/steps/mark-ready-for-exam.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'OpenExamDayFunctionArn',
      handler: 'functions/steps/open-exam-day.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'NextCandidateFunctionArn',
      handler: 'functions/steps/next-candidate.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'CloseExamDayFunctionArn',
      handler: 'functions/steps/close-exam-day.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'ReleaseResultsFunctionArn',
      handler: 'functions/steps/release-results.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append', recordsBucket: 'readWrite' },
      sizing: { timeoutSeconds: 300, memoryMB: 1024 },
    },
    {
      substitution: 'RecordStepOverdueFunctionArn',
      handler: 'functions/steps/record-step-overdue.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
    {
      substitution: 'RecordWorkflowFailureFunctionArn',
      handler: 'functions/steps/record-workflow-failure.handler.ts',
      bindings: { table: 'readWrite', auditLog: 'append' },
    },
  ],
};

/** Every state machine Certiflow deploys. */
export const STATE_MACHINES: readonly StateMachineDefinition[] = [SESSION_LIFECYCLE];
