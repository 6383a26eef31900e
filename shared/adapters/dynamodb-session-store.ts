import { GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { Conflict, InvalidInput } from '../domain/errors';
import type { Sentence } from '../domain/sentence';
import type { AuditEvent } from '../use-cases/audit';
import { StaleVersion, type Page, type PlanningItem, type SessionChange, type SessionQuery, type SessionStore } from '../use-cases/sessions/ports';
import type {
  AssignmentRecord,
  ConflictDeclarationRecord,
  DeliverableVersionRecord,
  JuryDownloadRecord,
  JuryReceiptRecord,
  JurySetRecord,
  DistributionRecordItem,
  RegistrationRecord,
  SessionPlanning,
  SessionRecord,
  TrainerRecord,
} from '../use-cases/sessions/records';
import type { ExamRecord, GridRecord, IncidentRecord, PvRecord, SittingRecord } from '../use-cases/exam-day/records';
import { MAX_TRANSACTION_ITEMS } from '../use-cases/limits';
import type { AppealRecord, CertificateRecord, DecisionRecord } from '../use-cases/records/records';
import { ABSENT, auditPut, putNew } from './transaction-items';
import { dynamoDb } from './aws/dynamodb-client';
import { batchGetRecords, queryAllItems } from './dynamodb-batch';
import { failedConditions } from './dynamodb-errors';
import { decodeCursor, encodeCursor, keys, NOT_A_CURSOR, recordOf } from './dynamodb-keys';

type Item = Record<string, unknown>;

function sessionItem(session: SessionRecord): Item {
  return {
    ...keys.session(session.id),
    ...keys.sessionByCentre(session.centreId, session.sessionDate, session.id),
    ...keys.sessionByCentreAndStatus(session.centreId, session.status, session.sessionDate, session.id),
    entity: 'Session',
    ...session,
  };
}

/** What a planning item writes: an item (created only when `mustBeNew`), or the removal of one. */
type PlanningWrite = { item: Item; mustBeNew: boolean; describe: Sentence } | { remove: { PK: string; SK: string }; describe: Sentence };

/** The write of a planning item in a session change's transaction. */
function planningItem(item: PlanningItem, session: SessionRecord): PlanningWrite {
  switch (item.kind) {
    case 'registration':
      return {
        item: {
          ...keys.registration(session.id, item.record.candidate.userId),
          ...keys.registrationByCandidate(item.record.candidate.userId, item.record.registeredAt, item.record.id),
          entity: 'Registration',
          ...item.record,
        },
        mustBeNew: item.create ?? false,
        describe: {
          en: `candidate ${item.record.candidate.userId} is already registered to session ${session.id}`,
          fr: `le candidat ${item.record.candidate.userId} est déjà inscrit à la session ${session.id}`,
        },
      };
    case 'trainers':
      return { item: { ...keys.trainers(session.id), entity: 'Trainers', trainers: item.records }, mustBeNew: false, describe: { en: 'trainers', fr: 'formateurs' } };
    case 'assignment':
      return {
        item: {
          ...keys.assignment(session.id, item.record.jurorId),
          ...keys.assignmentByJuror(item.record.jurorId, session.id),
          entity: 'Assignment',
          ...item.record,
        },
        mustBeNew: true,
        describe: { en: `juror ${item.record.jurorId} already sits on session ${session.id}`, fr: `le juré ${item.record.jurorId} siège déjà à la session ${session.id}` },
      };
    case 'exam':
      return { item: { ...keys.exam(session.id, item.record.registrationId), entity: 'Exam', ...item.record }, mustBeNew: false, describe: { en: 'exam', fr: 'épreuve' } };
    case 'grid':
      return { item: { ...keys.grid(session.id, item.record.registrationId), entity: 'Grid', ...item.record }, mustBeNew: false, describe: { en: 'grid', fr: 'grille' } };
    case 'incident': {
      const open = item.record.routedTo === 'quality-committee' && !item.record.decisionId;
      return {
        item: {
          ...keys.incident(session.id, item.record.reportedAt, item.record.id),
          ...(open ? keys.openCase(item.record.reportedAt, session.id, item.record.id) : {}),
          entity: 'Incident',
          ...item.record,
        },
        mustBeNew: !item.update,
        describe: { en: `incident ${item.record.id} is already recorded`, fr: `l'incident ${item.record.id} est déjà enregistré` },
      };
    }
    case 'certificate':
      return {
        item: {
          ...keys.certificate(session.id, item.record.registrationId),
          ...keys.certificateByCode(item.record.verificationCode),
          ...keys.certifiedByTitle(item.record.rncpCode, item.record.sessionDate, session.id, item.record.registrationId),
          entity: 'Certificate',
          ...item.record,
        },
        mustBeNew: false,
        describe: { en: 'certificate', fr: 'parchemin ou livret' },
      };
    case 'appeal':
      return {
        item: {
          ...keys.appeal(session.id, item.record.filedAt, item.record.id),
          ...(item.record.status === 'open' ? keys.openCase(item.record.filedAt, session.id, item.record.id) : {}),
          entity: 'Appeal',
          ...item.record,
        },
        mustBeNew: item.create ?? false,
        describe: { en: `appeal ${item.record.id} is already recorded`, fr: `le recours ${item.record.id} est déjà enregistré` },
      };
    case 'decision':
      return {
        item: { ...keys.decision(session.id, item.record.decidedAt, item.record.id), entity: 'Decision', ...item.record },
        mustBeNew: item.create ?? false,
        describe: {
          en: `the quality committee already ruled on these cases (decision ${item.record.id})`,
          fr: `le comité qualité a déjà statué sur ces dossiers (décision ${item.record.id})`,
        },
      };
    case 'pv':
      return { item: { ...keys.pv(session.id, item.record.part1.rncpCode), entity: 'Pv', ...item.record }, mustBeNew: false, describe: { en: 'PV', fr: 'PV' } };
    case 'sitting':
      return { item: { ...keys.sitting(item.record.userId, item.record.sessionDate, item.record.sessionId), entity: 'Sitting', ...item.record }, mustBeNew: false, describe: { en: 'sitting', fr: 'passage' } };
    case 'unassignment':
      return { remove: keys.assignment(session.id, item.jurorId), describe: { en: `juror ${item.jurorId} does not sit on session ${session.id}`, fr: `le juré ${item.jurorId} ne siège pas à la session ${session.id}` } };
    case 'distribution':
      return {
        item: { ...keys.distribution(session.id, item.record.ruleId, item.record.id), entity: 'Distribution', ...item.record },
        mustBeNew: true,
        describe: { en: `distribution ${item.record.id} is already recorded`, fr: `la distribution ${item.record.id} est déjà enregistrée` },
      };
    case 'deliverable':
      return {
        item: {
          ...keys.deliverableVersion(session.id, item.record.registrationId, item.record.deliverableType, item.record.id),
          entity: 'DeliverableVersion',
          ...item.record,
        },
        mustBeNew: false,
        describe: { en: `deliverable version ${item.record.id}`, fr: `version de livrable ${item.record.id}` },
      };
    case 'jurySet':
      return { item: { ...keys.jurySet(session.id, item.record.registrationId), entity: 'JurySet', ...item.record }, mustBeNew: false, describe: { en: 'jury set', fr: 'livrables remis au jury' } };
    case 'declaration':
      return {
        item: { ...keys.declaration(session.id, item.record.jurorId, item.record.registrationId), entity: 'ConflictDeclaration', ...item.record },
        mustBeNew: true,
        describe: {
          en: `juror ${item.record.jurorId} already declared on registration ${item.record.registrationId}`,
          fr: `le juré ${item.record.jurorId} a déjà fait sa déclaration pour l'inscription ${item.record.registrationId}`,
        },
      };
  }
}

function limitQuery(input: QueryCommandInput, query: SessionQuery): QueryCommandInput {
  const cursor = decodeCursor(query.cursor);
  if (query.cursor && !cursor) throw new InvalidInput(NOT_A_CURSOR, 'cursor');
  return { ...input, Limit: query.limit, ExclusiveStartKey: cursor };
}

/** The key range of sessions between two dates, on an index sorted by `SESSION#<date>#<id>`. */
function dateRange(query: SessionQuery): { condition: string; values: Item } {
  const from = `SESSION#${query.from ?? ''}`;
  const to = `SESSION#${query.to ?? '9999-12-31'}#\uffff`;
  return { condition: 'BETWEEN :from AND :to', values: { ':from': from, ':to': to } };
}

/** Sessions and their planning data in the single table; one transaction per change. */
export class DynamoDbSessionStore implements SessionStore {
  constructor(
    private readonly tableName: string,
    private readonly auditTableName: () => string,
  ) {}

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    const { Item } = await dynamoDb().send(new GetCommand({ TableName: this.tableName, Key: keys.session(sessionId), ConsistentRead: true }));
    return Item ? recordOf<SessionRecord>(Item) : undefined;
  }

  async load(sessionId: string): Promise<SessionPlanning | undefined> {
    const items = await queryAllItems({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.session(sessionId).PK },
      ConsistentRead: true,
    });
    const meta = items.find((item) => item.entity === 'Session');
    if (!meta) return undefined;
    const of = <T>(entity: string) => items.filter((item) => item.entity === entity).map((item) => recordOf<T>(item));
    const trainers = items.find((item) => item.entity === 'Trainers');
    const pv = items.find((item) => item.entity === 'Pv');
    return {
      session: recordOf<SessionRecord>(meta),
      registrations: of<RegistrationRecord>('Registration').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt)),
      trainers: (trainers?.trainers as TrainerRecord[] | undefined) ?? [],
      assignments: of<AssignmentRecord>('Assignment').sort((a, b) => a.assignedAt.localeCompare(b.assignedAt)),
      distributions: of<DistributionRecordItem>('Distribution'),
      deliverables: of<DeliverableVersionRecord>('DeliverableVersion').sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.version - b.version),
      jurySets: of<JurySetRecord>('JurySet'),
      declarations: of<ConflictDeclarationRecord>('ConflictDeclaration'),
      exams: of<ExamRecord>('Exam'),
      grids: of<GridRecord>('Grid'),
      incidents: of<IncidentRecord>('Incident'),
      ...(pv ? { pv: recordOf<PvRecord>(pv) } : {}),
      certificates: of<CertificateRecord>('Certificate'),
      appeals: of<AppealRecord>('Appeal'),
      decisions: of<DecisionRecord>('Decision'),
    };
  }

  async commit(change: SessionChange): Promise<void> {
    const { session, expectedVersion } = change;
    const entries = (change.items ?? []).map((item) => planningItem(item, session));
    const transactItems = [
      {
        Put: {
          TableName: this.tableName,
          Item: sessionItem(session),
          ...(expectedVersion === 0
            ? { ConditionExpression: ABSENT }
            : {
                ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        },
      },
      ...entries.map((entry) => this.transactEntry(entry)),
      auditPut(this.auditTableName(), change.audit),
      ...(change.events ?? []).map((event) => auditPut(this.auditTableName(), event)),
    ];
    if (transactItems.length > MAX_TRANSACTION_ITEMS) {
      throw new InvalidInput({
        en: `this change would write ${transactItems.length} records at once; one change writes at most ${MAX_TRANSACTION_ITEMS}: send it in smaller parts`,
        fr: `cette modification écrirait ${transactItems.length} enregistrements à la fois ; une modification en écrit au plus ${MAX_TRANSACTION_ITEMS} : envoyez-la en plusieurs parties`,
      });
    }
    try {
      await dynamoDb().send(new TransactWriteCommand({ TransactItems: transactItems }));
    } catch (error) {
      const failed = failedConditions(error);
      if (failed.length === 0) throw error;
      if (failed.includes(0)) {
        if (expectedVersion === 0) throw new Conflict({ en: `session ${session.id} already exists`, fr: `la session ${session.id} existe déjà` });
        throw new StaleVersion({
          en: `session ${session.id} was changed by someone else since version ${expectedVersion}; reload it and try again`,
          fr: `la session ${session.id} a été modifiée par quelqu'un d'autre depuis la version ${expectedVersion} ; rechargez-la et réessayez`,
        });
      }
      const entry = entries[failed[0]! - 1];
      throw new Conflict(entry ? entry.describe : { en: 'the change conflicts with a record that already exists', fr: 'la modification entre en conflit avec un enregistrement qui existe déjà' });
    }
  }

  private transactEntry(write: PlanningWrite) {
    if ('remove' in write) return { Delete: { TableName: this.tableName, Key: write.remove, ConditionExpression: 'attribute_exists(PK)' } };
    return write.mustBeNew ? putNew(this.tableName, write.item) : { Put: { TableName: this.tableName, Item: write.item } };
  }

  async listByCentre(centreId: string, query: SessionQuery): Promise<Page<SessionRecord>> {
    const range = dateRange(query);
    const input: QueryCommandInput = query.status
      ? {
          TableName: this.tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: `GSI2PK = :pk AND GSI2SK ${range.condition}`,
          ExpressionAttributeValues: { ':pk': `CENTRE#${centreId}#STATUS#${query.status}`, ...range.values },
        }
      : {
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: `GSI1PK = :pk AND GSI1SK ${range.condition}`,
          ExpressionAttributeValues: { ':pk': `CENTRE#${centreId}`, ...range.values },
        };
    const page = await dynamoDb().send(new QueryCommand(limitQuery(input, query)));
    return { items: (page.Items ?? []).map((item) => recordOf<SessionRecord>(item)), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async listForJuror(jurorId: string, query: SessionQuery): Promise<Page<SessionRecord>> {
    const page = await dynamoDb().send(
      new QueryCommand(
        limitQuery(
          { TableName: this.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `JUROR#${jurorId}` } },
          query,
        ),
      ),
    );
    const sessionKeys = (page.Items ?? []).map((item) => keys.session(String(item.sessionId)));
    const sessions = await batchGetRecords<SessionRecord>(this.tableName, sessionKeys, false);
    const inRange = sessions
      .filter((s) => (!query.status || s.status === query.status) && (!query.from || s.sessionDate >= query.from) && (!query.to || s.sessionDate <= query.to))
      .sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.id.localeCompare(b.id));
    return { items: inRange, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async recordDownload(download: JuryDownloadRecord, audit: AuditEvent): Promise<void> {
    await dynamoDb().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.juryReceipt(download.sessionId, download.jurorId, download.versionId),
              UpdateExpression:
                'SET entity = :entity, jurorId = :juror, registrationId = :registration, deliverableType = :type, versionId = :version, sha256 = :sha, firstDownloadedAt = if_not_exists(firstDownloadedAt, :at), lastDownloadedAt = :at ADD downloads :one',
              ExpressionAttributeValues: {
                ':entity': 'JuryReceipt',
                ':juror': download.jurorId,
                ':registration': download.registrationId,
                ':type': download.deliverableType,
                ':version': download.versionId,
                ':sha': download.sha256,
                ':at': download.at,
                ':one': 1,
              },
            },
          },
          auditPut(this.auditTableName(), audit),
        ],
      }),
    );
  }

  async downloadsOf(sessionId: string): Promise<JuryReceiptRecord[]> {
    const items = await queryAllItems({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.juryReceipt(sessionId, '', '').PK },
    });
    return items.map((item) => recordOf<JuryReceiptRecord>(item));
  }

  async jurorSitsInCentre(jurorId: string, centreId: string): Promise<boolean> {
    let start: Item | undefined;
    do {
      const page = await dynamoDb().send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          FilterExpression: 'centreId = :centre',
          ExpressionAttributeValues: { ':pk': keys.assignmentByJuror(jurorId, '').GSI1PK, ':centre': centreId },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      if ((page.Count ?? 0) > 0) return true;
      start = page.LastEvaluatedKey;
    } while (start);
    return false;
  }

  async sittingsOf(userId: string): Promise<SittingRecord[]> {
    const page = await dynamoDb().send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.sitting(userId, '', '').PK }, ConsistentRead: true }),
    );
    return (page.Items ?? []).map((item) => recordOf<SittingRecord>(item));
  }

  async getMany(sessionIds: readonly string[]): Promise<SessionRecord[]> {
    return batchGetRecords<SessionRecord>(this.tableName, [...new Set(sessionIds)].map((id) => keys.session(id)), false);
  }

  async registrationsOfCandidate(userId: string): Promise<RegistrationRecord[]> {
    const page = await dynamoDb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `CANDIDATE#${userId}` },
      }),
    );
    return (page.Items ?? []).map((item) => recordOf<RegistrationRecord>(item));
  }
}
