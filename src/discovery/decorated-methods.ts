import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** A provider method that carries a decorator's metadata, bound to its instance. */
export interface DecoratedMethod<M, F> {
  /** `Class.method`, for logs and start-up errors. */
  owner: string;
  metadata: M;
  method: F;
}

/**
 * Every provider method marked with `SetMetadata(key, …)` (@JobHandler, @OnCalendarChange): the one
 * discovery walk the job registry and the calendar listeners share.
 */
export function decoratedMethods<M, F extends (...args: never[]) => unknown>(
  services: { discovery: DiscoveryService; scanner: MetadataScanner; reflector: Reflector },
  key: symbol,
): DecoratedMethod<M, F>[] {
  const found: DecoratedMethod<M, F>[] = [];
  for (const wrapper of services.discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of services.scanner.getAllMethodNames(prototype)) {
      const fn = prototype[name];
      if (typeof fn !== 'function') continue;
      const metadata = services.reflector.get<M | undefined>(key, fn as () => unknown);
      if (metadata === undefined || metadata === null || (metadata as unknown) === false) continue;
      found.push({ owner: `${instance.constructor.name}.${name}`, metadata, method: (fn as F).bind(instance) as F });
    }
  }
  return found;
}
