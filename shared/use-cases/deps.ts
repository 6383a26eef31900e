import type { DeliverableFiles, PdfInspector } from './deliverables/ports';
import type { DeliverableStore, JurorRegistry, SessionStore, SessionWorkflow } from './sessions/ports';

/** The ports and services use cases work with; each use case takes the part it needs. */
export interface Deps {
  sessions: SessionStore;
  jurors: JurorRegistry;
  workflow: SessionWorkflow;
  deliverables: DeliverableStore;
  files: DeliverableFiles;
  pdf: PdfInspector;
  now: () => Date;
  newId: () => string;
}
