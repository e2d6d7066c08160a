import { useId, useRef, useState, type DragEvent } from 'react';
import { addDroppedFile, useDroppedFiles } from '../../data/dropped-files.ts';
import { requestIssuesOf } from '../../data/issues-request.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import type { Dataset } from '../../domain/vocabulary.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Panel } from '../../ui/panel.tsx';
import { fileReadText } from './sources-panel.tsx';

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
  const { t, locale } = useI18n();
  const { config, adapter, configured } = useActiveSource();
  const files = useDroppedFiles();
  const [over, setOver] = useState(false);
  const [dataset, setDataset] = useState<'' | (typeof FILE_DATASETS)[number]>('');
  const [added, setAdded] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const open = (picked: FileList | null) => {
    if (!picked) return;
    const ids: string[] = [];
    // Matched to the configured source's places, even while another file is shown.
    const reference = configured?.adapter ?? adapter;
    for (const file of picked) {
      ids.push(
        addDroppedFile(file, reference, {
          dataset: dataset || undefined,
          takenIds: config.sources.map((s) => s.id),
        }),
      );
    }
    setAdded(ids);
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
      {/* Where the file was dropped: what reading it gave, as it happens (read out once). */}
      <div role="status" className="drop-zone__status" data-testid="drop-status">
        {added.map((id) => {
          const file = files.find((f) => f.id === id);
          if (!file) return null;
          return (
            <p key={id}>
              {file.state === 'failed'
                ? isolated(t, 'sources.drop.status.failed', { error: file.error ?? file.name })
                : file.state === 'reading' || !file.summary
                  ? isolated(
                      t,
                      'sources.drop.status.reading',
                      { name: file.name },
                      { rows: formatNumber(file.progress.rowsRead, locale) },
                    )
                  : isolated(
                      t,
                      'sources.drop.status.done',
                      { name: file.name },
                      {
                        result: fileReadText(file, t),
                      },
                    )}
            </p>
          );
        })}
      </div>
      {added.map((id) => {
        const file = files.find((f) => f.id === id);
        const rejected = file?.state === 'ready' ? (file.rejected ?? 0) : 0;
        return rejected > 0 ? (
          <p key={id}>
            <a
              href="#data-issues-list"
              onClick={(e) => {
                e.preventDefault();
                requestIssuesOf(id);
              }}
            >
              {t('sources.drop.showRejected', { count: rejected })}
            </a>
          </p>
        ) : null;
      })}
    </Panel>
  );
}
