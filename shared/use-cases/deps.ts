import type { DeliverableFiles, PdfInspector } from './deliverables/ports';
import type { Mailer, SentMailLog } from './notifications/ports';
import type { BusinessMetrics } from './operations/ports';
import type { DocumentRenderer, RecordsArchive } from './records/documents';
import type { AuditLog, CpfFluxWriter, ExportFiles, RecordsIndex, SettingsStore } from './records/ports';
import type { DeliverableStore, JurorRegistry, SessionStore, SessionWorkflow } from './sessions/ports';

/** The ports and services use cases work with; each use case takes the part it needs. */
export interface Deps {
  sessions: SessionStore;
  jurors: JurorRegistry;
  workflow: SessionWorkflow;
  deliverables: DeliverableStore;
  files: DeliverableFiles;
  pdf: PdfInspector;
  /** The records bucket: sealed PVs, grids, diplomas, decisions, execution histories (PV-7). */
  records: RecordsArchive;
  /** The official papers, rendered in French. */
  documents: DocumentRenderer;
  recordsIndex: RecordsIndex;
  settings: SettingsStore;
  /** The audit log, read by subject, or appended to on its own. */
  audit: AuditLog;
  exports: ExportFiles;
  cpfFlux: CpfFluxWriter;
  /** E-mail to people: SES on AWS, `.eml` files in the outbox locally. */
  mailer: Mailer;
  /** Which notifications were sent, so that a redelivered audit event sends nothing twice. */
  sentMail: SentMailLog;
  /** Business metrics of the deployment stage (CloudWatch EMF on AWS). */
  metrics: BusinessMetrics;
  now: () => Date;
  newId: () => string;
}
