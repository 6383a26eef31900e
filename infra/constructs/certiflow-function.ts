import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BINDING_ENV, type Bindings, type DataAccess, type FunctionSizing } from '../../shared/wiring/bindings';
import { PROJECT_ROOT } from '../project-root';
import { LAMBDA_BUNDLING } from './lambda-bundling';
import type { BindingResources, BucketAddress, MailIdentity, StateMachineAddress, TableAddress } from './binding-resources';
import { acknowledge, acknowledgeWildcardResource } from './nag';
import { executionsArnPattern } from './state-machine-address';

/** Probe, read, or read and write access to a table or a bucket. */
export type Access = DataAccess;

/** A bucket key of `Bindings`. */
export type BucketKey = 'deliverablesBucket' | 'recordsBucket';

/** An action on the session state machine, as `Bindings` names it. */
export type StateMachineAction = 'describe' | 'start' | 'read' | 'list' | 'taskResponse';

const TABLE_ACTIONS: Record<Access, readonly string[]> = {
  probe: ['dynamodb:DescribeTable'],
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:DescribeTable',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

/** The audit log: `append` adds events and nothing else, `read` reads them, `readAppend` both (AuditTable denies every rewrite). */
const AUDIT_LOG_ACTIONS: Record<NonNullable<Bindings['auditLog']>, readonly string[]> = {
  append: ['dynamodb:PutItem'],
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  readAppend: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
};

/** Object reads per bucket: a record's reader also reads its Object Lock retention (PV-7). */
const OBJECT_READ_ACTIONS: Record<BucketKey, readonly string[]> = {
  deliverablesBucket: ['s3:GetObject', 's3:GetObjectVersion'],
  recordsBucket: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectRetention', 's3:GetObjectVersionRetention'],
};

/** Object writes per bucket: deliverables may be replaced (DELIV-7), records only added (PV-7). */
const OBJECT_WRITE_ACTIONS: Record<BucketKey, readonly string[]> = {
  deliverablesBucket: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
  recordsBucket: ['s3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention'],
};

const STATE_MACHINE_ACTIONS: Record<StateMachineAction, readonly string[]> = {
  describe: ['states:DescribeStateMachine'],
  start: ['states:StartExecution'],
  read: ['states:DescribeStateMachine', 'states:ListExecutions'],
  list: ['states:ListExecutions'],
  taskResponse: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
};

const EXECUTION_READ_ACTIONS = ['states:DescribeExecution', 'states:GetExecutionHistory'];

/** The timeout and memory a wiring table's sizing asks for, as function properties. */
export function sized(sizing: FunctionSizing | undefined): Pick<CertiflowFunctionProps, 'timeout' | 'memorySize'> {
  return { ...(sizing?.timeoutSeconds ? { timeout: Duration.seconds(sizing.timeoutSeconds) } : {}), ...(sizing?.memoryMB ? { memorySize: sizing.memoryMB } : {}) };
}

/** Properties of a Certiflow function. */
export interface CertiflowFunctionProps {
  /** The module exporting `handler`, relative to the project root. */
  readonly handler: string;
  readonly description?: string;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default three months */
  readonly logRetention?: RetentionDays;
  /** @default the repository root */
  readonly projectRoot?: string;
}

/**
 * A Lambda function with Certiflow's defaults: Node.js 22 on ARM64, bundled by the local esbuild
 * as minified ESM with source maps, its own log group with retention, X-Ray tracing, Powertools
 * settings, and a role that holds only what its bindings grant.
 */
export class CertiflowFunction extends NodejsFunction {
  private readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: CertiflowFunctionProps) {
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handler}`,
    });
    super(scope, id, {
      entry: path.join(projectRoot, props.handler),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      description: props.description ?? props.handler,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'certiflow',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        platform: LAMBDA_BUNDLING.platform,
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: true,
        sourcesContent: LAMBDA_BUNDLING.sourcesContent,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        banner: LAMBDA_BUNDLING.banner.js,
        externalModules: [],
        logLevel: LogLevel.ERROR,
      },
    });
    this.executionRole = role;
    logGroup.grantWrite(role);
    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 is the runtime DESIGN.md fixes, and the one the project itself runs on (the pinned node package, 22.23.3): the tests run on the Lambda\'s major. Lambda supports it until 2027.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions; every other statement of this role names its resources.',
    );
  }

  /** Sets TABLE_NAME and grants the table (and its indexes, by name) for reading or writing. */
  bindTable(table: TableAddress, access: Access): this {
    this.addEnvironment(BINDING_ENV.table, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...TABLE_ACTIONS[access]],
        resources: [table.tableArn, ...table.indexNames.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
    return this;
  }

  /** Sets AUDIT_TABLE_NAME and grants appending events to the audit log, or reading it; never changing one. */
  bindAuditLog(table: TableAddress, access: NonNullable<Bindings['auditLog']>): this {
    this.addEnvironment(BINDING_ENV.auditLog, table.tableName);
    this.addToRolePolicy(new PolicyStatement({ actions: [...AUDIT_LOG_ACTIONS[access]], resources: [table.tableArn] }));
    return this;
  }

  /** Sets the bucket's name variable and grants listing it, and its objects for reading or writing unless `probe`. */
  bindBucket(key: BucketKey, bucket: BucketAddress, access: Access): this {
    this.addEnvironment(BINDING_ENV[key], bucket.bucketName);
    this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    if (access === 'probe') return this;
    const objects = `${bucket.bucketArn}/*`;
    const actions = access === 'read' ? [...OBJECT_READ_ACTIONS[key]] : [...OBJECT_READ_ACTIONS[key], ...OBJECT_WRITE_ACTIONS[key]];
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [objects] }));
    acknowledgeWildcardResource(
      this.executionRole,
      objects,
      `Object keys are per session and candidate, unknown at deploy time; the grant is limited to the ${key} and to the object actions its binding allows.`,
    );
    return this;
  }

  /** Sets SESSION_STATE_MACHINE_ARN and grants the state machine actions given. */
  bindStateMachine(stateMachine: StateMachineAddress, actions: readonly StateMachineAction[]): this {
    this.addEnvironment(BINDING_ENV.sessionStateMachine, stateMachine.stateMachineArn);
    const machineActions = [...new Set(actions.flatMap((action) => STATE_MACHINE_ACTIONS[action]))];
    this.addToRolePolicy(new PolicyStatement({ actions: machineActions, resources: [stateMachine.stateMachineArn] }));
    if (actions.includes('read')) {
      const executions = executionsArnPattern(this, stateMachine.stateMachineName);
      this.addToRolePolicy(new PolicyStatement({ actions: EXECUTION_READ_ACTIONS, resources: [executions] }));
      acknowledgeWildcardResource(
        this.executionRole,
        executions,
        'Executions are named after sessions created at run time; reading them is limited to the executions of this one state machine.',
      );
    }
    return this;
  }

  /**
   * Sets NOTIFICATIONS_FROM and grants sending e-mail (SES v2 SendEmail, raw content included) on
   * the one SES identity, from that address only.
   */
  bindMail(identity: MailIdentity): this {
    this.addEnvironment(BINDING_ENV.mail, identity.fromAddress);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identity.identityArn],
        conditions: { StringEquals: { 'ses:FromAddress': identity.fromAddress } },
      }),
    );
    return this;
  }

  /** Applies every binding of a wiring-table entry: environment variables and grants together. */
  applyBindings(bindings: Bindings, resources: BindingResources): this {
    if (bindings.table) this.bindTable(resources.table, bindings.table);
    if (bindings.auditLog) this.bindAuditLog(resources.auditLog, bindings.auditLog);
    if (bindings.deliverablesBucket) this.bindBucket('deliverablesBucket', resources.deliverablesBucket, bindings.deliverablesBucket);
    if (bindings.recordsBucket) this.bindBucket('recordsBucket', resources.recordsBucket, bindings.recordsBucket);
    if (bindings.sessionStateMachine?.length) this.bindStateMachine(resources.sessionStateMachine, bindings.sessionStateMachine);
    if (bindings.mail) this.bindMail(resources.mail);
    return this;
  }
}
