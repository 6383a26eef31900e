/** The region every local client and ARN uses. */
export const LOCAL_REGION = 'eu-west-3';

/** The account id in local ARNs. */
export const LOCAL_ACCOUNT = '000000000000';

/** Credentials the local servers accept: s3rver knows only this key pair; DynamoDB Local takes any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** The ARN a local Lambda function answers to. */
export function localFunctionArn(functionName: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${functionName}`;
}

/** The ARN of a local state machine. */
export function localStateMachineArn(name: string): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
}
