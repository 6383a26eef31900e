/** An error the endpoint returns to the SDK as `{"__type": type, "message": message}` with HTTP 400. */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** An error a state raises inside an execution; Retry and Catch match it by `name`. */
export class StateError extends Error {
  /** Read by aws-local-stepfunctions: whether Retry may match this error. */
  readonly isRetryable: boolean;
  /** Read by aws-local-stepfunctions: whether Catch may match this error. */
  readonly isCatchable: boolean;

  constructor(name: string, cause: string, options: { recoverable?: boolean } = {}) {
    super(cause);
    this.name = name;
    this.isRetryable = options.recoverable ?? true;
    this.isCatchable = options.recoverable ?? true;
  }
}

/** Raised inside a run that was stopped, timed out or shut down: neither retried nor caught. */
export function runInterrupted(): StateError {
  return new StateError('Local.RunInterrupted', 'the execution is no longer running', { recoverable: false });
}
