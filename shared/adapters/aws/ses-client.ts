import { SESv2Client } from '@aws-sdk/client-sesv2';

let sesClient: SESv2Client | undefined;

/**
 * The SES (v2) client, created once per cold start; a request that hangs is cut after 10 s and
 * tried once more, so that one send stays well within a delivery's lease.
 */
export function ses(): SESv2Client {
  sesClient ??= new SESv2Client({ maxAttempts: 2, requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_000 } });
  return sesClient;
}
