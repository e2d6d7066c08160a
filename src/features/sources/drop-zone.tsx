import { useId, useRef, useState, type DragEvent } from 'react';
import { addDroppedFile } from '../../data/dropped-files.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import type { Dataset } from '../../domain/vocabulary.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { eachIsolated, isolated } from '../../ui/i18n/isolate.tsx';
import { Panel } from '../../ui/panel.tsx';

const FILE_DATASETS = [
  'aid-flow',
  'crossing-status',
  'facility-status',
] as const satisfies readonly Dataset[];

/**
 * Open an HXL CSV from this device, by dropping it here or picking it: it is read in the
 * browser (in a worker, with progress on the Sources list) and never uploaded.
 */
export function DropZone() {
  const { t } = useI18n();
  const { config, adapter } = useActiveSource();
  const [over, setOver] = useState(false);
  const [dataset, setDataset] = useState<'' | (typeof FILE_DATASETS)[number]>('');
  const [added, setAdded] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const open = (files: FileList | null) => {
    if (!files) return;
    const names: string[] = [];
    for (const file of files) {
      addDroppedFile(file, adapter, {
        dataset: dataset || undefined,
        takenIds: config.sources.map((s) => s.id),
      });
      names.push(file.name);
    }
    setAdded(names);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    open(event.dataTransfer.files);
  };

  return (
    <Panel title={t('sources.drop.title')} state="ready" className="drop-zone-panel">
      <div
        className={`drop-zone${over ? ' drop-zone--over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p id={hintId}>{t('sources.drop.hint')}</p>
        <label className="drop-zone__pick">
          <span>{t('sources.drop.pick')}</span>
          <input
            ref={input}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            multiple
            aria-describedby={hintId}
            onChange={(e) => {
              open(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <label className="drop-zone__dataset">
          <span>{t('sources.drop.dataset')}</span>
          <select value={dataset} onChange={(e) => setDataset(e.target.value as typeof dataset)}>
            <option value="">{t('sources.drop.dataset.auto')}</option>
            {FILE_DATASETS.map((d) => (
              <option key={d} value={d}>
                {t(`adapters.dataset.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="drop-zone__privacy">{t('sources.drop.privacy')}</p>
      </div>
      <p role="status" className="drop-zone__status">
        {added.length
          ? isolated(t, 'sources.drop.added', { names: eachIsolated(added, ', ') })
          : ''}
      </p>
    </Panel>
  );
}
