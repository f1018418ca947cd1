import { createElement, lazy, useEffect, useSyncExternalStore, type ComponentType, type FunctionComponent } from 'react';

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

/**
 * A part whose code loads from mount on, beside the request it waits for anyway (the stats), and that shows
 * `Pending` (the same box, empty) until the code is here: it stays out of what the page fetches before it shows
 * rows, moves nothing when it arrives, and suspends nothing (on the server and while hydrating it is `Pending`).
 */
export function deferredPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  Pending: ComponentType<Props>,
): FunctionComponent<Props> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<unknown> | undefined;
  const listeners = new Set<() => void>();
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        for (const listener of listeners) listener();
      },
      // A failed load (a network that dropped the file) is tried again at the part's next render.
      () => void (loading = undefined),
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  function Deferred(props: Props) {
    const component = useSyncExternalStore(
      subscribe,
      () => loaded,
      () => undefined,
    );
    useEffect(() => {
      if (!loaded) void preload();
    });
    return createElement(component ?? Pending, props);
  }
  return Object.assign(Deferred, { preload });
}
