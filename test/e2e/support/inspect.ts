import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient, GetExecutionHistoryCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/local-aws';
import type { LocalRuntime } from '../../../local/runtime';

/** Direct reads of the local services, to check what was (not) written. Tests only. */
export class Inspector {
  private readonly db: DynamoDBDocumentClient;
  private readonly sfn: SFNClient;

  constructor(private readonly runtime: LocalRuntime) {
    this.db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: runtime.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    );
    this.sfn = new SFNClient({ endpoint: runtime.urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  }

  /**
   * Every item of the data table and of the audit log (Scans: fine for a test's small tables, never
   * on a request path), once the notifications of the audit events written so far are sent.
   */
  async allItems(): Promise<Record<string, unknown>[]> {
    await this.runtime.streamEventsIdle();
    const { tableName, auditTableName } = this.runtime.resources;
    return [...(await this.scan(tableName)), ...(await this.scan(auditTableName))];
  }

  private async scan(tableName: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** The items under one partition key; `AUDIT#…` partitions are read from the audit log. */
  async partition(pk: string): Promise<Record<string, unknown>[]> {
    const { tableName, auditTableName } = this.runtime.resources;
    const page = await this.db.send(
      new QueryCommand({ TableName: pk.startsWith('AUDIT#') ? auditTableName : tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    );
    return page.Items ?? [];
  }

  /** The session state machine's executions. */
  async executions(): Promise<Array<{ name?: string; status?: string }>> {
    const page = await this.sfn.send(new ListExecutionsCommand({ stateMachineArn: this.runtime.sessionStateMachineArn }));
    return page.executions ?? [];
  }

  /** The names of the states an execution entered, in order. */
  async statesEntered(executionArn: string): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken }));
      for (const event of page.events ?? []) {
        if (event.stateEnteredEventDetails?.name) names.push(event.stateEnteredEventDetails.name);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return names;
  }

  /** A snapshot of everything a request could have written: items and executions. */
  async writeSnapshot(): Promise<{ items: number; executions: number }> {
    return { items: (await this.allItems()).length, executions: (await this.executions()).length };
  }
}
