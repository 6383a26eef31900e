import { SFNClient } from '@aws-sdk/client-sfn';

let sfnClient: SFNClient | undefined;

/** The Step Functions client, created once per cold start. */
export function stepFunctions(): SFNClient {
  sfnClient ??= new SFNClient({});
  return sfnClient;
}
