import { pdfLibInspector } from '../pdf-lib-inspector';
import { port } from './port';

/** Reads a deliverable's pages (pdf-lib): only where deliverables are received. */
export const pdf = /* @__PURE__ */ port(() => pdfLibInspector);
