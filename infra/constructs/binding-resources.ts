/** What a function needs to know about the table to be bound to it. */
export interface TableAddress {
  readonly tableName: string;
  readonly tableArn: string;
  /** The global secondary indexes' names; grants name each index, never `index/*`. */
  readonly indexNames: readonly string[];
}

/** What a function needs to know about a bucket to be bound to it. */
export interface BucketAddress {
  readonly bucketName: string;
  readonly bucketArn: string;
}

/** A state machine known by its name, so binding to it creates no CloudFormation dependency. */
export interface StateMachineAddress {
  readonly stateMachineName: string;
  readonly stateMachineArn: string;
}

/** Where notifications are sent from: the address, and the SES identity (that address, or its domain) that sends it. */
export interface MailIdentity {
  readonly fromAddress: string;
  readonly identityArn: string;
}

/** The resources `Bindings` refer to, one per key of `shared/wiring/bindings.ts`. */
export interface BindingResources {
  readonly table: TableAddress;
  readonly auditLog: TableAddress;
  readonly deliverablesBucket: BucketAddress;
  readonly recordsBucket: BucketAddress;
  readonly sessionStateMachine: StateMachineAddress;
  readonly mail: MailIdentity;
}
