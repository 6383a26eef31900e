import { apiHandler } from '../../shared/http/api-handler';
import { openApiDocument } from '../../shared/http/openapi';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /openapi.json` (no token): this API described in OpenAPI, generated from the route table's schemas. */
export const handler = apiHandler(ROUTE.OpenApi, async () => ({ body: openApiDocument() }));
