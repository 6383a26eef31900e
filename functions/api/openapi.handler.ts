import { apiHandler } from '../../shared/http/api-handler';
import { openApiDocument } from '../../shared/http/openapi';
import { OpenApi } from '../../shared/wiring/routes';

/** `GET /openapi.json` (no token): this API described in OpenAPI, generated from the route table's schemas. */
export const handler = apiHandler(OpenApi, async () => ({ body: openApiDocument() }));
