import { pdfDocuments } from '../pdf/documents';
import { port } from './port';

/** The official papers rendered in French (pdf-lib and the embedded fonts): only where documents are written. */
export const documents = /* @__PURE__ */ port(() => pdfDocuments);
