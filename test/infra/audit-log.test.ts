import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LOG_REWRITE_ACTIONS } from '../../infra/constructs/audit-table';
import { allFunctions } from '../../shared/wiring/functions';
import { ROUTES, routeKey } from '../../shared/wiring/routes';
import { buildCertiflow, resourcesIn, roleStatements, templatesOf, type PolicyStatement } from './certiflow-app';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = PolicyStatement & { Principal?: unknown };

let stateful: Template;
/** The stateless stack's template and its nested stacks' (the route functions are in nested stacks). */
let stateless: Template[];

beforeAll(() => {
  const app = buildCertiflow();
  stateful = Template.fromStack(app.stateful);
  stateless = templatesOf(app.stateless);
});

const AUDIT_TABLE_ARN = { 'Fn::ImportValue': 'CertiflowStateful-AuditTableArn' };

/** Read-only exports that record who exported what in the audit trail (the person's archive also exports its trail). */
const SELF_RECORDING_EXPORTS = ['ExportSessionArchiveApi', 'ExportPersonArchiveApi', 'CpfExportApi'];

function auditTable(): Resource {
  const tables = Object.values(stateful.findResources('AWS::DynamoDB::Table') as Record<string, Resource>);
  const audit = tables.filter((table) => table.Properties.ResourcePolicy !== undefined);
  expect(audit).toHaveLength(1);
  return audit[0]!;
}

/** Every statement of every policy attached to a function's role, with the function's description. */
function functionStatements(): Array<{ fn: string; statement: PolicyStatement }> {
  return resourcesIn<Resource>(stateless, 'AWS::Lambda::Function').flatMap(({ template, resource: fn }) =>
    roleStatements(template, fn).map((statement) => ({ fn: String(fn.Properties.Description), statement })),
  );
}

describe('the audit trail cannot be rewritten', () => {
  it('lives in a table of its own, keyed PK/SK, with point-in-time recovery, deletion protection, retained', () => {
    const table = auditTable();
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toBeUndefined();
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it("denies every update, delete and batch write to every principal, the account's own included, by the table's resource policy", () => {
    const statements = auditTable().Properties.ResourcePolicy.PolicyDocument.Statement as Statement[];
    expect(statements).toEqual([expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Resource: '*' })]);
    expect([statements[0]!.Action].flat().sort()).toEqual([...AUDIT_LOG_REWRITE_ACTIONS].sort());
    expect(AUDIT_LOG_REWRITE_ACTIONS).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete']));
  });

  it('lets functions that write add audit events (PutItem) and nothing else; the exports that record themselves may also read the trail they export', () => {
    const onAudit = functionStatements().filter(({ statement }) => JSON.stringify(statement.Resource).includes('AuditTableArn'));
    expect(onAudit.length).toBeGreaterThan(0);
    const exporters = new Set(ROUTES.filter((route) => route.bindings.auditLog === 'readAppend').map(routeKey));
    expect(exporters.size).toBe(2);
    for (const { fn, statement } of onAudit) {
      expect(statement.Effect, fn).toBe('Allow');
      expect(statement.Resource, fn).toEqual(AUDIT_TABLE_ARN);
      const actions = [statement.Action].flat().sort();
      if (exporters.has(fn)) expect(actions, fn).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
      else expect(actions, fn).toEqual(['dynamodb:PutItem']);
    }
  });

  it('binds the audit log to every function that writes the data table, and to no other', () => {
    const functions = resourcesIn<Resource>(stateless, 'AWS::Lambda::Function').map(({ resource }) => resource);
    const writers = allFunctions().filter((definition) => definition.bindings.table === 'readWrite').map((definition) => definition.handler);
    expect(writers.length).toBeGreaterThan(10);
    for (const definition of allFunctions()) {
      if (SELF_RECORDING_EXPORTS.includes(definition.id)) {
        expect(definition.bindings.table, definition.id).toBe('read');
        expect(['append', 'readAppend'], definition.id).toContain(definition.bindings.auditLog);
      } else {
        expect(definition.bindings.auditLog, definition.id).toBe(definition.bindings.table === 'readWrite' ? 'append' : undefined);
      }
    }
    const appending = functions.filter((fn) => fn.Properties.Environment?.Variables?.AUDIT_TABLE_NAME !== undefined);
    expect(appending).toHaveLength(writers.length + SELF_RECORDING_EXPORTS.length);
    for (const fn of appending) expect(fn.Properties.Environment.Variables.AUDIT_TABLE_NAME).toEqual({ 'Fn::ImportValue': 'CertiflowStateful-AuditTableName' });
  });

  it('grants no function a wildcard DynamoDB action', () => {
    for (const { fn, statement } of functionStatements()) {
      for (const action of [statement.Action].flat()) expect(action, fn).not.toMatch(/^dynamodb:\*|^\*$/);
    }
  });
});
