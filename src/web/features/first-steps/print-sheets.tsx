/**
 * Printable versions of the first-steps tools, used on paper in workshops. Each sheet is
 * hidden on screen; the print stylesheet (first-steps.css) shows only the sheet asked for.
 * Empty answers print as ruled lines to fill in by hand.
 */
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { answersNeeded } from '../../../domain/first-steps.ts';
import { formatDate } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import type { Draft, FirstSteps, Tool } from './model.ts';

function Lines({ count = 3 }: { count?: number }) {
  return (
    <div className="fs-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="fs-line" />
      ))}
    </div>
  );
}

function Answer({ text, lines = 3 }: { text: string; lines?: number }) {
  return text.trim() ? <p className="fs-answer">{text}</p> : <Lines count={lines} />;
}

function SheetHeader({ title, org }: { title: string; org: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <header className="fs-sheet-header">
      <h1>{title}</h1>
      <p>{t('firstSteps.printedFor', { org, date: formatDate(new Date().toISOString(), locale) })}</p>
    </header>
  );
}

function MissionSheet({ draft, org }: { draft: Draft; org: string }) {
  const { t } = useTranslation();
  const m = draft.mission;
  const activities = m.activities.filter((a) => a.label.trim());
  const changes = m.changesSought.filter((c) => c.trim());
  const rows: [string, string, ReactNode][] = [
    [t('firstSteps.mission.problem'), t('firstSteps.mission.problemHint'), <Answer key="p" text={m.problem} />],
    [t('firstSteps.mission.public'), t('firstSteps.mission.publicHint'), <Answer key="pu" text={m.public} />],
    [t('firstSteps.mission.territory'), t('firstSteps.mission.territoryHint'), <Answer key="te" text={m.territory} lines={1} />],
    [t('firstSteps.mission.statement'), t('firstSteps.mission.statementHint'), <Answer key="st" text={m.statement} lines={2} />],
    [
      t('firstSteps.mission.activities'),
      t('firstSteps.mission.activitiesHint'),
      activities.length ? (
        <ul key="a">
          {activities.map((a, i) => (
            <li key={i}>
              {a.label}
              {a.output.trim() && <em> → {a.output}</em>}
            </li>
          ))}
        </ul>
      ) : (
        <Lines key="a" count={4} />
      ),
    ],
    [
      t('firstSteps.mission.changes'),
      t('firstSteps.mission.changesHint'),
      changes.length ? (
        <ul key="c">
          {changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : (
        <Lines key="c" count={4} />
      ),
    ],
    [t('firstSteps.mission.values'), t('firstSteps.mission.valuesHint'), <Answer key="v" text={m.values} lines={2} />],
  ];
  return (
    <>
      <SheetHeader title={t('firstSteps.mission.toolTitle')} org={org} />
      <table className="fs-print-table fs-grid">
        <tbody>
          {rows.map(([label, hint, answer]) => (
            <tr key={label}>
              <th scope="row">
                <strong>{label}</strong>
                <span>{hint}</span>
              </th>
              <td>{answer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function MapSheet({ draft, org }: { draft: Draft; org: string }) {
  const { t } = useTranslation();
  // Blank columns to fill in by hand when the map is short.
  const columns = [...draft.stakeholders.map((s) => s as (typeof draft.stakeholders)[number] | null)];
  while (columns.length < 3) columns.push(null);
  return (
    <>
      <SheetHeader title={t('firstSteps.map.toolTitle')} org={org} />
      <table className="fs-print-table fs-map">
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((s, i) => (
              <th scope="col" key={i}>
                {s ? t(`firstSteps.groups.${s.group}`) : <Lines count={1} />}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('firstSteps.map.description')}</th>
            {columns.map((s, i) => (
              <td key={i}>{s ? <Answer text={s.description} lines={2} /> : <Lines count={2} />}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('firstSteps.map.importance')}</th>
            {columns.map((s, i) => (
              <td key={i}>
                {s ? `${'●'.repeat(s.importance)}${'○'.repeat(3 - s.importance)} ${t(`firstSteps.map.importance${s.importance as 1 | 2 | 3}`)}` : '○ ○ ○'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('firstSteps.map.effects')}</th>
            {columns.map((s, i) => (
              <td key={i}>
                {s && s.effects.length > 0 ? (
                  <ul className="fs-effects">
                    {s.effects.map((e, k) => (
                      <li key={k}>
                        <span className={`fs-print-sign ${e.direction}${e.intended ? '' : ' unintended'}`}>
                          {e.direction === 'positive' ? '+' : '−'}
                        </span>{' '}
                        {e.label}
                        {!e.intended && <em> ({t('firstSteps.map.unintended').toLowerCase()})</em>}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <Lines count={s && s.effects.length > 0 ? 2 : 5} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="fs-legend">{t('firstSteps.map.legend')}</p>
    </>
  );
}

function TemplateSheet({ data, org }: { data: FirstSteps; org: string }) {
  const { t } = useTranslation();
  const kinds = ['impact', 'outcome', 'output', 'activity'] as const;
  return (
    <>
      <SheetHeader title={t('firstSteps.indicators.template')} org={org} />
      <table className="fs-print-table fs-grid">
        <tbody>
          {kinds.map((kind) => {
            const nodes = data.template.filter((n) => n.kind === kind);
            return (
              <tr key={kind}>
                <th scope="row">
                  <strong>{t(`nodeKind.${kind}`)}</strong>
                  <span>{t(`nodeHint.${kind}`)}</span>
                </th>
                <td>
                  {nodes.length > 0 && (
                    <ul>
                      {nodes.map((n) => (
                        <li key={n.key}>
                          {n.labelFr}
                          {n.stakeholderGroup && <em> · {t(`stakeholder.${n.stakeholderGroup}`)}</em>}
                        </li>
                      ))}
                    </ul>
                  )}
                  <Lines count={nodes.length > 0 ? 1 : 3} />
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">
              <strong>{t('firstSteps.indicators.chosen')}</strong>
            </th>
            <td>
              {data.suggestions.filter((s) => s.added).length > 0 && (
                <ul>
                  {data.suggestions
                    .filter((s) => s.added)
                    .map((s) => (
                      <li key={s.entryId}>
                        {s.entryId.toUpperCase()} — {s.labelFr}
                      </li>
                    ))}
                </ul>
              )}
              <Lines count={4} />
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

function PlanSheet({ draft, org }: { draft: Draft; org: string }) {
  const { t } = useTranslation();
  const rows = [...draft.plan.map((r) => r as (typeof draft.plan)[number] | null)];
  while (rows.length < 4) rows.push(null);
  return (
    <>
      <SheetHeader title={t('firstSteps.plan.toolTitle')} org={org} />
      <table className="fs-print-table fs-plan">
        <thead>
          <tr>
            <th scope="col">{t('firstSteps.plan.group')}</th>
            <th scope="col">{t('firstSteps.plan.indicator')}</th>
            <th scope="col">{t('firstSteps.plan.respondents')}</th>
            <th scope="col">{t('firstSteps.plan.period')}</th>
            <th scope="col">{t('firstSteps.plan.methods')}</th>
            <th scope="col">{t('firstSteps.plan.population')}</th>
            <th scope="col">{t('firstSteps.plan.needed')}</th>
            <th scope="col">{t('firstSteps.plan.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r ? t(`firstSteps.groups.${r.group}`) : ''}</td>
              <td>{r?.indicatorCode ?? ''}</td>
              <td>{r?.respondents ?? ''}</td>
              <td>{r?.period ?? ''}</td>
              <td>{r ? r.methods.map((m) => t(`firstSteps.plan.${m}`)).join(', ') : '☐ ☐ ☐'}</td>
              <td>{r?.populationServed ?? ''}</td>
              <td>{r ? answersNeeded(r.populationServed) : ''}</td>
              <td>{r?.targetAnswers ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fs-legend">{t('firstSteps.plan.neededHelp')}</p>
    </>
  );
}

/**
 * The sheet for `tool`, shown only when printing. It is drawn directly under <body>, so that
 * the print stylesheet can take the app itself out of the page flow (no blank pages after it).
 */
export function PrintSheet({ tool, draft, data, org }: { tool: Tool | null; draft: Draft; data: FirstSteps; org: string }) {
  if (!tool) return null;
  return createPortal(
    <div className="fs-print-sheet" data-testid={`print-${tool}`}>
      {tool === 'mission' && <MissionSheet draft={draft} org={org} />}
      {tool === 'map' && <MapSheet draft={draft} org={org} />}
      {tool === 'template' && <TemplateSheet data={data} org={org} />}
      {tool === 'plan' && <PlanSheet draft={draft} org={org} />}
    </div>,
    document.body,
  );
}
