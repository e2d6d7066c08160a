import { memo } from 'react';
import { useActiveSource } from '../../data/source-context.tsx';
import { useSourceName } from '../../data/queries.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import type { MessageKey } from '../../ui/i18n/translate.ts';
import { formatDay } from '../../ui/format.ts';
import { verificationNote } from '../../ui/verification-note.ts';
import { Panel, QueryErrorNotices, RecordsOutsideRange, RejectedRecords } from '../../ui/panel.tsx';
import { NARROW_SCREEN, useMediaQuery } from '../../ui/use-media-query.ts';
import { useSearchParam } from '../../lib/url-state.ts';
import { useBoardRows } from './use-board-rows.ts';
import { CrossingDetails, CrossingRow } from './crossing-row.tsx';
import { useDetailsFocus } from './details-focus.ts';
import type { BoardRow } from './board-model.ts';
import type { Verification } from '../../domain/vocabulary.ts';
import { PhoneAnswer } from './phone-answer.tsx';

const COLUMNS = [
  'crossings.col.crossing',
  'crossings.col.status',
  'crossings.col.today',
  'crossings.col.week',
  'crossings.col.report',
] as const satisfies readonly MessageKey[];

function BoardHead({ columns }: { columns: readonly MessageKey[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr role="row">
        {columns.map((key) => (
          <th key={key} scope="col" role="columnheader">
            {t(key)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * The crossings board: for each crossing, its status now (word, colour and shape), trucks
 * entered and collected today and over 7 days against the target, and where each figure came
 * from. Selecting a crossing puts it in the URL (?crossing=id) for the other panels to follow.
 */
export const CrossingsBoard = memo(function CrossingsBoard() {
  const { t, locale } = useI18n();
  const { source } = useActiveSource();
  const board = useBoardRows();
  const { view, now, queries, state, timeZone, rows, issues, baselines } = board;
  const [selected, setSelected] = useSearchParam('crossing');
  // On a phone the full board would take a screen per crossing: the first screen answers all.
  const phone = useMediaQuery(NARROW_SCREEN);
  const toggle = (id: string) => setSelected(selected === id ? null : id);
  // Known before the theatre loads (cut in UTC until then), so the subtitle never pops in.
  const day = view.range.to;
  const { filters } = view;
  const sourceName = useSourceName();

  return (
    <Panel
      title={t('crossings.title')}
      subtitle={
        // On a phone the sentence goes under the answer, so the first screen holds the crossings.
        phone && day === view.today
          ? undefined
          : t(day === view.today ? 'crossings.subtitle' : 'crossings.subtitlePast', {
              today: formatDay(day, locale),
            })
      }
      state={state}
      className="crossings-board"
      queries={queries}
    >
      <QueryErrorNotices queries={queries} sourceName={source.name} />
      {state === 'loading' ? <p className="panel__loading">{t('crossings.loading')}</p> : null}
      {state === 'empty' ? <p>{t('crossings.empty')}</p> : null}
      {/* The table appears once, whole: rows filling in piecemeal would make the page jump. */}
      {phone && board.whole && timeZone ? (
        <PhoneAnswer
          rows={rows}
          now={now}
          timeZone={timeZone}
          selected={selected}
          onSelect={toggle}
          sourceName={sourceName}
        />
      ) : null}
      {!phone && board.whole && timeZone ? (
        <div className="table-scroll">
          <table className="board" role="table">
            <BoardHead columns={COLUMNS} />
            <tbody>
              {rows.map((row) => (
                <BoardEntry
                  key={row.crossing.id}
                  row={row}
                  now={now}
                  timeZone={timeZone}
                  selected={selected}
                  onToggle={() => toggle(row.crossing.id)}
                  sourceName={sourceName}
                  verification={filters.verification}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state !== 'loading' && baselines?.trucksPerDayTarget ? (
        <p className="panel__note">
          {t('crossings.targetTotal', {
            target: baselines.trucksPerDayTarget,
            agreement: baselines.targetAgreement ?? '—',
            baseline: baselines.trucksPerDayPreCrisis ?? '—',
          })}
        </p>
      ) : null}
      {verificationNote(filters.verification, t).map((note) => (
        <p key={note} className="panel__note panel__note--filter">
          {note}
        </p>
      ))}
      {state !== 'loading' ? <RejectedRecords issues={issues} sourceName={sourceName} /> : null}
      <RecordsOutsideRange count={board.outsideRange} source={source.name} />
    </Panel>
  );
});

/** A crossing's row and, when selected, its details under it, the focus moving between them. */
function BoardEntry({
  row,
  now,
  timeZone,
  selected,
  onToggle,
  sourceName,
  verification,
}: {
  row: BoardRow;
  now: Date;
  timeZone: string;
  selected: string | null;
  onToggle: () => void;
  sourceName: (id: string) => string;
  verification: readonly Verification[];
}) {
  const open = selected === row.crossing.id;
  const { toggleRef, headingRef, ask } = useDetailsFocus(open, selected !== null && !open);
  return (
    <>
      <CrossingRow
        row={row}
        now={now}
        timeZone={timeZone}
        selected={open}
        onSelect={() => {
          if (!open) ask();
          onToggle();
        }}
        sourceName={sourceName}
        verification={verification}
        toggleRef={toggleRef}
      />
      {open ? (
        <CrossingDetails
          row={row}
          now={now}
          timeZone={timeZone}
          sourceName={sourceName}
          headingRef={headingRef}
          onClose={onToggle}
        />
      ) : null}
    </>
  );
}
