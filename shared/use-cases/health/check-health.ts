/** One dependency the service needs, and how to tell it is up. */
export interface HealthProbe {
  name: string;
  check(): Promise<void>;
}

/** A dependency's status, without internals. */
export interface DependencyStatus {
  name: string;
  status: 'up' | 'down';
  latencyMs: number;
}

/** The service's health: up only when every dependency is. */
export interface HealthReport {
  status: 'up' | 'down';
  dependencies: DependencyStatus[];
}

/** Probes every dependency in parallel; a probe that throws or takes longer than `timeoutMs` is down. */
export async function checkHealth(probes: readonly HealthProbe[], timeoutMs = 3000): Promise<HealthReport> {
  const dependencies = await Promise.all(
    probes.map(async (probe): Promise<DependencyStatus> => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
      });
      try {
        await Promise.race([probe.check(), timeout]);
        return { name: probe.name, status: 'up', latencyMs: Math.round(performance.now() - started) };
      } catch {
        return { name: probe.name, status: 'down', latencyMs: Math.round(performance.now() - started) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { status: dependencies.every((d) => d.status === 'up') ? 'up' : 'down', dependencies };
}
