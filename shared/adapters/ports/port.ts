import { now } from '../../clock';
import type { Deps } from '../../use-cases/deps';
import { newId } from '../../use-cases/ids';

/** A port built on first use, once per cold start, so a function needs only the bindings of the ports it touches. */
export type Port<T> = () => T;

/** A port built by `build` on first use, then the same instance for the life of the function. */
export function port<T>(build: () => T): Port<T> {
  let built: T | undefined;
  return () => (built ??= build());
}

type PortsOf<P> = { readonly [K in keyof P]: P[K] extends Port<infer T> ? T : never };

/**
 * The dependencies of one function: exactly the ports it names (each built on first use),
 * plus the clock and the id generator. A handler imports only the adapters its use cases
 * need, so its bundle holds nothing else (no PDF library where no PDF is read or written).
 */
export function wire<P extends { [K in keyof P]: K extends keyof Deps ? Port<Deps[K]> : never }>(ports: P): PortsOf<P> & Pick<Deps, 'now' | 'newId'> {
  const deps = { now, newId } as PortsOf<P> & Pick<Deps, 'now' | 'newId'>;
  for (const [name, get] of Object.entries(ports) as Array<[string, Port<unknown>]>) Object.defineProperty(deps, name, { get, enumerable: true });
  return deps;
}
