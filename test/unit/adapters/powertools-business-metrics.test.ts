import { afterEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsBusinessMetrics } from '../../../shared/adapters/powertools-business-metrics';
import { BUSINESS_METRICS_NAMESPACE, METRICS_SERVICE, SESSION_WATCH_METRICS } from '../../../shared/observability/business-metrics';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The EMF records the adapter writes to standard output while `publish` runs. */
function emfWrittenBy(publish: () => void): Array<Record<string, any>> {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  publish();
  vi.restoreAllMocks();
  return lines.flatMap((line) => line.split('\n')).filter((line) => line.includes('"_aws"')).map((line) => JSON.parse(line) as Record<string, any>);
}

describe('the business metrics adapter', () => {
  it('writes one EMF record: namespace Certiflow, dimensions service and stage (those the alarms watch), each count as a Count', () => {
    const [record, ...others] = emfWrittenBy(() => new PowertoolsBusinessMetrics('prod').publishCounts({ [SESSION_WATCH_METRICS.pvNotSealed]: 2, [SESSION_WATCH_METRICS.watched]: 7 }));
    expect(others).toEqual([]);
    expect(record!._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: BUSINESS_METRICS_NAMESPACE,
        Dimensions: [['service', 'stage']],
        Metrics: [
          { Name: 'SessionsPvNotSealed', Unit: 'Count' },
          { Name: 'SessionsWatched', Unit: 'Count' },
        ],
      },
    ]);
    expect(record).toMatchObject({ service: METRICS_SERVICE, stage: 'prod', SessionsPvNotSealed: 2, SessionsWatched: 7 });
  });

  it('publishes zeros, so that an alarm on a count goes back to OK', () => {
    const [record] = emfWrittenBy(() => new PowertoolsBusinessMetrics('prod').publishCounts({ [SESSION_WATCH_METRICS.intakeAtRisk]: 0 }));
    expect(record).toMatchObject({ SessionsIntakeAtRisk: 0 });
  });
});
