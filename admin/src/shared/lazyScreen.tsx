import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/**
 * A screen that is its own chunk, fetched when it is first opened: the menu and the routes know
 * every screen, but the browser loads only the ones someone visits. `pick` names the export.
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType<any>): ComponentType<any> {
  const Screen = lazy(() => load().then((module) => ({ default: pick(module) })));
  const LazyScreen = (props: Record<string, unknown>) => (
    <Suspense fallback={<Loading />}>
      <Screen {...props} />
    </Suspense>
  );
  return LazyScreen;
}
