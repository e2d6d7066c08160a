/**
 * The English catalog: every string the UI shows. Other languages copy these keys.
 * `{name}` is replaced by a parameter; an object with `one`/`other` (Intl.PluralRules
 * categories) picks a form by the `count` parameter.
 */
export const en = {
  'app.name': 'Access Monitor',
  'app.tagline': 'Humanitarian access: crossings, aid flow, hospitals and utilities — with the source of every figure.',
  'app.skipToContent': 'Skip to content',
  'app.loadingConfig': 'Loading configuration…',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'There is no page at {path}.',
  'app.notFound.home': 'Go to the overview',
  'app.footer.timeZone': 'Times are in {zone}.',

  'config.error.title': 'The dashboard is not configured correctly',
  'config.error.intro': 'config.json beside index.html could not be used:',
  'config.error.fix': 'An operator can fix config.json; see the README, “Pointing it at another source”.',
  'config.unknownSource': 'The link asked for a source called “{requested}”, which is not configured here. Showing {fallback} instead.',

  'synthetic.notice': 'Synthetic demo data — not real figures.',
  'synthetic.detail': 'Every number on this page is made up by a generator to show how the dashboard works.',

  'source.label': 'Source',
  'source.choose': 'Data source',
  'source.error': 'Could not load data from {source}: {detail}',
  'source.retry': 'Try again',
  'source.rejected': {
    one: '{count} record from {source} was rejected and is not shown.',
    other: '{count} records from {source} were rejected and are not shown.',
  },
  'source.rejected.show': 'Why were records rejected?',
  'source.rejected.position': 'Record {position}',
  'source.rejected.dataset': 'Dataset',
  'source.rejected.field': 'Field',
  'source.rejected.reason': 'Reason',

  'verification.verified': 'verified',
  'verification.reported': 'reported, not verified',
  'verification.disputed': 'disputed',
  'verification.unverified': 'unverified',

  'status.open': 'Open',
  'status.restricted': 'Restricted',
  'status.closed': 'Closed',
  'status.unknown': 'Unknown',

  'stage.entered': 'Entered',
  'stage.collected': 'Collected',
  'stage.delivered': 'Delivered',

  'crossings.title': 'Crossings',
  'crossings.subtitle': 'Status now and trucks through each crossing, today ({today}) and over the last 7 days, as each source reports them. Sources are shown side by side, never added up.',
  'crossings.loading': 'Loading crossings…',
  'crossings.empty': 'This source lists no crossings.',
  'crossings.col.crossing': 'Crossing',
  'crossings.col.status': 'Status now',
  'crossings.col.today': 'Trucks today',
  'crossings.col.week': 'Last 7 days',
  'crossings.col.report': 'Last report',
  'crossings.since': 'since {time}',
  'crossings.noReport': 'No report',
  'crossings.noTrucks': 'No truck counts reported',
  'crossings.notYet': 'not reported yet',
  'crossings.latestDay': 'last reported: {count} on {day}',
  'crossings.countBy': '{count} by {source}',
  'crossings.partialWeek': '{days} of 7 days reported',
  'crossings.ofTarget': '{count} of {target} target ({percent})',
  'crossings.noTarget': 'no agreed target',
  'crossings.disagree': '{source} reports: {status}',
  'crossings.observers.yes': 'Observers present',
  'crossings.observers.no': 'No observers',
  'crossings.hours': 'Hours {opens}–{closes}',
  'crossings.select': 'Show {name} details',
  'crossings.selected': 'Selected',
  'crossings.aliases': 'Also called {names}',
  'crossings.passes': 'Passes: {list}',
  'crossings.history': 'Status reports, last 7 days',
  'crossings.reportBy': '{time} · {source} · {verification}',
  'crossings.closeDetails': 'Close details',
  'crossings.targetTotal': 'Agreed target: {target} trucks a day across all crossings ({agreement}); before the crisis about {baseline}.',

  'pass.goods': 'goods',
  'pass.fuel': 'fuel',
  'pass.people': 'people',

  'time.ago': '{age}',
} as const satisfies Record<string, string | { one: string; other: string }>;

export type MessageKey = keyof typeof en;
export type Catalog = { [K in MessageKey]: string | { one: string; other: string } };
