import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { RestSourceConfig } from '../../data/config.ts';
import type { Outbox } from '../../data/reports/outbox.ts';
import { placeName } from '../../domain/place-names.ts';
import {
  buildReport,
  emptyDraft,
  MAX_TRUCK_ROWS,
  type ReportDraft,
  type ReportProblem,
  type TruckRowDraft,
} from '../../domain/report.ts';
import type { Theatre } from '../../domain/schemas.ts';
import { COMMODITIES, CROSSING_STATES, STAGES } from '../../domain/vocabulary.ts';
import { formatZone } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { StatusBadge } from '../../ui/status-symbol.tsx';
import { fieldLabel, problemText } from './report-words.ts';

const NOTE_MAX = 1000;

/**
 * The report form: crossing, status and since when, trucks by stage and commodity, a corridor's
 * status and movement window, a note.
 * Checked on the device with the records' own schemas; every problem is shown beside its field
 * and listed at the top before anything is saved. A saved report goes to the outbox.
 */
export function ReportForm({
  source,
  theatre,
  outbox,
}: {
  source: RestSourceConfig;
  theatre: Theatre;
  outbox: Outbox;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const timeZone = theatre.timeZone;
  const [draft, setDraft] = useState<ReportDraft>(() => emptyDraft(new Date(), timeZone));
  const [problems, setProblems] = useState<ReportProblem[]>([]);
  const [outcome, setOutcome] = useState<{ saved: true } | { error: string } | undefined>();
  const summary = useRef<HTMLDivElement>(null);
  const savedNote = useRef<HTMLParagraphElement>(null);

  const fieldId = (field: string) => `${id}-${field.replace(/\./g, '-')}`;
  const problemsAt = (field: string) => problems.filter((p) => p.field === field);
  const describedBy = (field: string, hint = false) =>
    [
      hint ? `${fieldId(field)}-hint` : '',
      problemsAt(field).length ? `${fieldId(field)}-problem` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = (field: string) => (problemsAt(field).length > 0 ? true : undefined);
  const change = (patch: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setOutcome(undefined);
  };
  const changeCorridor = (patch: Partial<ReportDraft['corridor']>) =>
    change({ corridor: { ...draft.corridor, ...patch } });
  const changeRow = (index: number, patch: Partial<TruckRowDraft>) =>
    change({ trucks: draft.trucks.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const madeAt = new Date();
    const result = buildReport(draft, {
      timeZone,
      crossingIds: theatre.crossings.map((c) => c.id),
      corridorIds: theatre.corridors.map((c) => c.id),
      theatreName: placeName(theatre.names, locale),
      sourceId: source.id,
      madeAt,
    });
    if (!result.ok) {
      setProblems(result.problems);
      setOutcome(undefined);
      // After React draws the list: the reader hears how many and where.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setProblems([]);
    try {
      await outbox.add(source.id, result.body);
      // The next report is likely the same crossing: keep it, clear the rest.
      setDraft(emptyDraft(new Date(), timeZone, draft.crossingId));
      setOutcome({ saved: true });
      requestAnimationFrame(() => savedNote.current?.focus());
    } catch (error) {
      setOutcome({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  const problemList = (field: string) => {
    const here = problemsAt(field);
    if (here.length === 0) return null;
    return (
      <ul id={`${fieldId(field)}-problem`} className="report-field__problem">
        {here.map((p, i) => (
          <li key={i}>{problemText(p, t, locale)}</li>
        ))}
      </ul>
    );
  };

  const crossings = [...theatre.crossings].sort((a, b) =>
    placeName(a.names, locale).localeCompare(placeName(b.names, locale), locale),
  );

  return (
    <form
      className="panel report-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="panel__title">
        {t('report.form.title')}
      </h2>

      {problems.length > 0 ? (
        <div
          ref={summary}
          tabIndex={-1}
          className="notice notice--error report-problems"
          role="alert"
          aria-labelledby={`${id}-problems`}
        >
          <p id={`${id}-problems`}>{t('report.problems.title', { count: problems.length })}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <a href={`#${fieldId(p.field === 'status' ? 'status-none' : p.field)}`}>
                  {t('reason.inField', {
                    field: fieldLabel(p.field, t),
                    text: problemText(p, t, locale),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <Field label={t('report.crossing')} htmlFor={fieldId('crossingId')}>
        <select
          id={fieldId('crossingId')}
          className="report-input"
          value={draft.crossingId}
          aria-invalid={invalid('crossingId')}
          aria-describedby={describedBy('crossingId')}
          onChange={(e) => change({ crossingId: e.target.value })}
        >
          <option value="">{t('report.crossing.choose')}</option>
          {crossings.map((c) => (
            <option key={c.id} value={c.id}>
              {placeName(c.names, locale)}
            </option>
          ))}
        </select>
        {problemList('crossingId')}
      </Field>

      <fieldset
        className="report-fieldset"
        aria-invalid={invalid('status')}
        aria-describedby={describedBy('status')}
      >
        <legend>{t('report.status')}</legend>
        <div className="report-choices">
          {(['', ...CROSSING_STATES] as const).map((state) => (
            <label key={state || 'none'} className="report-choice">
              <input
                id={fieldId(state ? `status-${state}` : 'status-none')}
                type="radio"
                name={`${id}-status`}
                value={state}
                checked={draft.status === state}
                onChange={() => change({ status: state })}
              />
              {state ? (
                <StatusBadge state={state} />
              ) : (
                <span className="report-choice__word">{t('report.status.none')}</span>
              )}
            </label>
          ))}
        </div>
        {problemList('status')}
      </fieldset>

      {draft.status !== '' || draft.corridor.corridorId !== '' ? (
        <Field label={t('report.since')} htmlFor={fieldId('since')}>
          <input
            id={fieldId('since')}
            className="report-input"
            type="datetime-local"
            value={draft.since}
            aria-invalid={invalid('since')}
            aria-describedby={describedBy('since', true)}
            onChange={(e) => change({ since: e.target.value })}
          />
          <p id={`${fieldId('since')}-hint`} className="report-field__hint">
            {t('report.since.hint', { zone: formatZone(timeZone, locale, new Date()) })}
          </p>
          {problemList('since')}
        </Field>
      ) : null}
      {draft.status !== '' ? (
        <Field label={t('report.observers')} htmlFor={fieldId('observersPresent')}>
          <select
            id={fieldId('observersPresent')}
            className="report-input"
            value={draft.observersPresent}
            aria-invalid={invalid('observersPresent')}
            aria-describedby={describedBy('observersPresent')}
            onChange={(e) =>
              change({ observersPresent: e.target.value as ReportDraft['observersPresent'] })
            }
          >
            <option value="">{t('report.observers.unknown')}</option>
            <option value="yes">{t('report.observers.yes')}</option>
            <option value="no">{t('report.observers.no')}</option>
          </select>
          {problemList('observersPresent')}
        </Field>
      ) : null}

      <fieldset className="report-fieldset" aria-describedby={describedBy('trucks')}>
        <legend>{t('report.trucks.title')}</legend>
        {draft.trucks.length === 0 ? (
          <p className="report-field__hint">{t('report.trucks.none')}</p>
        ) : (
          <Field label={t('report.day')} htmlFor={fieldId('day')}>
            <input
              id={fieldId('day')}
              className="report-input"
              type="date"
              value={draft.day}
              aria-invalid={invalid('day')}
              aria-describedby={describedBy('day')}
              onChange={(e) => change({ day: e.target.value })}
            />
            {problemList('day')}
          </Field>
        )}
        {draft.trucks.map((row, i) => {
          const at = (part: string) => `trucks.${i}.${part}`;
          return (
            <fieldset key={i} className="report-row">
              <legend>{t('report.trucks.row', { n: i + 1 })}</legend>
              <Field label={t('report.trucks.stage')} htmlFor={fieldId(at('stage'))}>
                <select
                  id={fieldId(at('stage'))}
                  className="report-input"
                  value={row.stage}
                  onChange={(e) =>
                    changeRow(i, { stage: e.target.value as TruckRowDraft['stage'] })
                  }
                >
                  {STAGES.map((stage) => (
                    <option key={stage} value={stage}>
                      {t(`stage.${stage}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('report.trucks.commodity')} htmlFor={fieldId(at('commodity'))}>
                <select
                  id={fieldId(at('commodity'))}
                  className="report-input"
                  value={row.commodity}
                  aria-invalid={invalid(at('commodity'))}
                  aria-describedby={describedBy(at('commodity'))}
                  onChange={(e) =>
                    changeRow(i, { commodity: e.target.value as TruckRowDraft['commodity'] })
                  }
                >
                  {COMMODITIES.map((commodity) => (
                    <option key={commodity} value={commodity}>
                      {t(`commodity.${commodity}`)}
                    </option>
                  ))}
                </select>
                {problemList(at('commodity'))}
              </Field>
              <Field label={t('report.trucks.count')} htmlFor={fieldId(at('trucks'))}>
                <input
                  id={fieldId(at('trucks'))}
                  className="report-input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={row.trucks}
                  aria-invalid={invalid(at('trucks'))}
                  aria-describedby={describedBy(at('trucks'))}
                  onChange={(e) => changeRow(i, { trucks: e.target.value })}
                />
                {problemList(at('trucks'))}
              </Field>
              <Field label={t('report.trucks.tonnes')} htmlFor={fieldId(at('tonnes'))}>
                <input
                  id={fieldId(at('tonnes'))}
                  className="report-input"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="any"
                  value={row.tonnes}
                  aria-invalid={invalid(at('tonnes'))}
                  aria-describedby={describedBy(at('tonnes'))}
                  onChange={(e) => changeRow(i, { tonnes: e.target.value })}
                />
                {problemList(at('tonnes'))}
              </Field>
              <button
                type="button"
                className="report-button report-button--secondary"
                onClick={() => change({ trucks: draft.trucks.filter((_, j) => j !== i) })}
              >
                {t('report.trucks.remove', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        {problemList('trucks')}
        {draft.trucks.length < MAX_TRUCK_ROWS ? (
          <button
            type="button"
            className="report-button report-button--secondary"
            onClick={() =>
              change({
                trucks: [
                  ...draft.trucks,
                  { stage: 'entered', commodity: 'food', trucks: '', tonnes: '' },
                ],
              })
            }
          >
            {t('report.trucks.add')}
          </button>
        ) : null}
      </fieldset>

      <fieldset className="report-fieldset">
        <legend>{t('report.corridor.title')}</legend>
        <Field label={t('report.corridor')} htmlFor={fieldId('corridor.corridorId')}>
          <select
            id={fieldId('corridor.corridorId')}
            className="report-input"
            value={draft.corridor.corridorId}
            aria-invalid={invalid('corridor.corridorId')}
            aria-describedby={describedBy('corridor.corridorId')}
            onChange={(e) => changeCorridor({ corridorId: e.target.value })}
          >
            <option value="">{t('report.corridor.none')}</option>
            {theatre.corridors.map((c) => (
              <option key={c.id} value={c.id}>
                {placeName(c.names, locale)}
              </option>
            ))}
          </select>
          {problemList('corridor.corridorId')}
        </Field>
        {draft.corridor.corridorId !== '' ? (
          <>
            <fieldset
              className="report-fieldset"
              aria-invalid={invalid('corridor.status')}
              aria-describedby={describedBy('corridor.status')}
            >
              <legend>{t('report.corridor.status')}</legend>
              <div className="report-choices">
                {CROSSING_STATES.map((state) => (
                  <label key={state} className="report-choice">
                    <input
                      id={fieldId(`corridor.status-${state}`)}
                      type="radio"
                      name={`${id}-corridor-status`}
                      value={state}
                      checked={draft.corridor.status === state}
                      onChange={() => changeCorridor({ status: state })}
                    />
                    <StatusBadge state={state} />
                  </label>
                ))}
              </div>
              {problemList('corridor.status')}
            </fieldset>
            <p id={`${fieldId('corridor.window')}-hint`} className="report-field__hint">
              {t('report.corridor.windowHint', { zone: formatZone(timeZone, locale, new Date()) })}
            </p>
            {(['start', 'end'] as const).map((part) => {
              const field = `corridor.${part}`;
              return (
                <Field
                  key={part}
                  label={t(
                    part === 'start' ? 'report.corridor.windowStart' : 'report.corridor.windowEnd',
                  )}
                  htmlFor={fieldId(field)}
                >
                  <input
                    id={fieldId(field)}
                    className="report-input"
                    type="time"
                    value={draft.corridor[part]}
                    aria-invalid={invalid(field)}
                    aria-describedby={[`${fieldId('corridor.window')}-hint`, describedBy(field)]
                      .filter(Boolean)
                      .join(' ')}
                    onChange={(e) => changeCorridor({ [part]: e.target.value })}
                  />
                  {problemList(field)}
                </Field>
              );
            })}
          </>
        ) : null}
      </fieldset>

      <Field label={t('report.note')} htmlFor={fieldId('note')}>
        <textarea
          id={fieldId('note')}
          className="report-input report-input--note"
          rows={3}
          maxLength={NOTE_MAX}
          value={draft.note}
          aria-invalid={invalid('note')}
          aria-describedby={describedBy('note', true)}
          onChange={(e) => change({ note: e.target.value })}
        />
        <p id={`${fieldId('note')}-hint`} className="report-field__hint">
          {t('report.note.hint')}
        </p>
        {problemList('note')}
      </Field>

      <button type="submit" className="report-button report-button--primary">
        {t('report.submit')}
      </button>
      {outcome && 'saved' in outcome ? (
        <p ref={savedNote} tabIndex={-1} className="notice report-saved" role="status">
          {t('report.saved')}
        </p>
      ) : null}
      {outcome && 'error' in outcome ? (
        <p className="notice notice--error" role="alert">
          {t('report.saveFailed', { error: outcome.error })}
        </p>
      ) : null}
    </form>
  );
}

function Field({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="report-field">
      <label className="report-field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </div>
  );
}
