import type { ReportLanguage } from '@plancia/contracts';

/** How a value is written: a count, a fraction shown as a percentage, seconds, or text. */
export type ColumnKind = 'text' | 'count' | 'fraction' | 'seconds';

export interface Column<Row> {
  key: string;
  kind: ColumnKind;
  heading: Record<ReportLanguage, string>;
  value: (row: Row) => string | number | null;
}

type Field = { key: string; kind: ColumnKind; it: string };

/** The figures every report shares; English headings are the JSON field names, so a script reads both alike. */
const FIGURES: Field[] = [
  { key: 'offered', kind: 'count', it: 'Offerti' },
  { key: 'answered', kind: 'count', it: 'Risposti' },
  { key: 'abandoned', kind: 'count', it: 'Abbandonati' },
  { key: 'shortAbandoned', kind: 'count', it: 'Abbandoni brevi' },
  { key: 'transferredOut', kind: 'count', it: 'Trasferiti' },
  { key: 'answeredWithinThreshold', kind: 'count', it: 'Risposti entro soglia' },
  { key: 'abandonedWithinThreshold', kind: 'count', it: 'Abbandonati entro soglia' },
  { key: 'serviceLevel', kind: 'fraction', it: 'Livello di servizio' },
  { key: 'asa', kind: 'seconds', it: 'Tempo medio di risposta (s)' },
  { key: 'abandonRate', kind: 'fraction', it: 'Tasso di abbandono' },
  { key: 'maxWait', kind: 'seconds', it: 'Attesa massima (s)' },
  { key: 'handled', kind: 'count', it: 'Gestiti' },
  { key: 'aht', kind: 'seconds', it: 'Tempo medio di gestione (s)' },
  { key: 'avgTalk', kind: 'seconds', it: 'Conversazione media (s)' },
  { key: 'avgWrapUp', kind: 'seconds', it: 'Post-chiamata medio (s)' },
  { key: 'firstResponses', kind: 'count', it: 'Prime risposte' },
  { key: 'firstResponsesInTarget', kind: 'count', it: 'Prime risposte entro obiettivo' },
  { key: 'firstResponseAttainment', kind: 'fraction', it: 'Prima risposta entro obiettivo' },
  { key: 'solved', kind: 'count', it: 'Risolti' },
  { key: 'solvedInTarget', kind: 'count', it: 'Risolti entro obiettivo' },
  { key: 'resolutionAttainment', kind: 'fraction', it: 'Risoluzione entro obiettivo' },
];

/** The Carta dei Servizi indicators and the counts they are computed from. */
const INDICATORS = new Set([
  'offered', 'answered', 'abandoned', 'serviceLevel', 'asa', 'abandonRate', 'firstResponses', 'firstResponsesInTarget',
  'firstResponseAttainment', 'solved', 'solvedInTarget', 'resolutionAttainment',
]);

const column = <Row>({ key, kind, it }: Field): Column<Row> => ({
  key, kind, heading: { en: key, it }, value: (row) => (row as Record<string, string | number | null>)[key] ?? null,
});

const LEADING_INTERVALS: Field[] = [
  { key: 'series', kind: 'text', it: 'Serie' },
  { key: 'scope', kind: 'text', it: 'Ambito' },
  { key: 'id', kind: 'text', it: 'Codice' },
  { key: 'start', kind: 'text', it: 'Inizio' },
  { key: 'day', kind: 'text', it: 'Giorno' },
  { key: 'minutes', kind: 'count', it: 'Minuti' },
  { key: 'intervals', kind: 'count', it: 'Intervalli' },
];

const LEADING_MONTHLY: Field[] = [
  { key: 'month', kind: 'text', it: 'Mese' },
  { key: 'kind', kind: 'text', it: 'Tipo' },
  { key: 'id', kind: 'text', it: 'Codice' },
  { key: 'name', kind: 'text', it: 'Nome' },
];

export const intervalColumns = <Row>(): Column<Row>[] => [...LEADING_INTERVALS, ...FIGURES].map((f) => column<Row>(f));
export const monthlyColumns = <Row>(): Column<Row>[] =>
  [...LEADING_MONTHLY, ...FIGURES.filter((f) => INDICATORS.has(f.key))].map((f) => column<Row>(f));
