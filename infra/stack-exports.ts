import { CfnOutput, Fn, type Stack } from 'aws-cdk-lib';

/**
 * Outputs `value` from `stack` under the fixed export name `<stack name>-<id>`, and returns the
 * `Fn::ImportValue` that reads it: a consuming stack depends on that name, never on a logical id
 * (the stacks add their dependencies explicitly).
 */
export function exportValue(stack: Stack, id: string, value: string, description?: string): string {
  const exportName = `${stack.stackName}-${id}`;
  new CfnOutput(stack, id, { value, exportName, ...(description ? { description } : {}) });
  return Fn.importValue(exportName);
}
