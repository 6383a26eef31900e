import { config } from '../../config/env';
import { StepFunctionsSessionWorkflow } from '../step-functions-session-workflow';
import { port } from './port';

/** The session's execution on Step Functions. */
export const workflow = /* @__PURE__ */ port(() => new StepFunctionsSessionWorkflow(config.sessionStateMachineArn()));
