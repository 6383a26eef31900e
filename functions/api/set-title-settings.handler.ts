import { wire } from '../../shared/adapters/ports/port';
import { settings } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { setTitleSettings } from '../../shared/use-cases/records/settings';
import { SetTitleSettings } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ settings });

/** `PUT /titles/{rncpCode}/settings`: the appeal window and the CPF contract of a title (QUAL-1). */
export const handler = apiHandler(SetTitleSettings, async ({ caller, path, body }) => ({ body: { settings: await setTitleSettings(deps, caller, path.rncpCode, body) } }));
