export { pdfWithPages } from '../../../local/demo/sample-pdf';
export { postToPresigned } from '../../../client/presigned-post';
