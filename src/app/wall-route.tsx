import { Suspense, useMemo, type ReactNode } from 'react';
import { PANELS, type PanelId } from '../domain/panels.ts';
import { CrossingTiles } from '../features/crossings/wall-tiles.tsx';
import { WallView, type WallPanel } from '../features/wall/wall-view.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { OfflineNotice } from '../ui/offline.tsx';
import { PANEL_VIEWS } from './registry.tsx';
import { WallUpdates } from './update-notice.tsx';

/**
 * Panels the wall draws its own way, for a room rather than a desk (the others draw for the
 * wall from the presentation context: ui/presentation.tsx). In this chunk, loaded on /wall only,
 * so that the overview's first load carries none of it.
 */
const WALL_DRAWINGS: Partial<Record<PanelId, () => ReactNode>> = {
  board: () => <CrossingTiles />,
};

/** /wall: the kiosk, without the shell around it (see App). */
export function Wall() {
  const { t } = useI18n();
  const panels = useMemo<WallPanel[]>(
    () =>
      PANELS.map(({ id }) => {
        const view = PANEL_VIEWS[id];
        const draw = WALL_DRAWINGS[id] ?? view.render;
        return {
          id,
          title: t(view.title),
          render: () => <Suspense fallback={null}>{draw()}</Suspense>,
        };
      }),
    [t],
  );
  return (
    <Suspense fallback={null}>
      <WallUpdates />
      <OfflineNotice />
      <WallView panels={panels} />
    </Suspense>
  );
}
