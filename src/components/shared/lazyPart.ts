import { lazy, type ComponentType } from 'react';

/**
 * A part that loads on first use (its code, and a library only it needs, stay out of the first page load).
 * `preload()` starts the load early (say, when the pointer reaches the button that opens it), so by the
 * click it is usually there and nothing flashes.
 */
export function lazyPart<P extends ComponentType<never>>(load: () => Promise<P>): P & { preload: () => void } {
  let loading: Promise<P> | undefined;
  const preload = () => (loading ??= load());
  const Part = lazy(() => preload().then((component) => ({ default: component as ComponentType<object> })));
  return Object.assign(Part as unknown as P, { preload: () => void preload() });
}
