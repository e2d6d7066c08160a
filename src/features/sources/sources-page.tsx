import { DropZone } from './drop-zone.tsx';
import { SourcesPanel } from './sources-panel.tsx';
import './sources.css';

/** The sources part of the /data page: open a file, and the list of sources with their health. */
export function SourcesPage() {
  return (
    <>
      <DropZone />
      <SourcesPanel />
    </>
  );
}
