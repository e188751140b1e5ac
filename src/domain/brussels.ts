/**
 * The 19 communes of the Brussels-Capital Region and the *bassins d'aide et de soins* of its
 * social-health networks (Plan social-santé intégré), as data: a series' commune question lists
 * its bassin's communes first, then the others, then "outside the Region".
 *
 * The Sud-Est's four communes are the minutes' ("les quatre communes du Sud-Est"). The other
 * bassins follow the regional map as we understand it and should be checked with each bassin's
 * coordination before a series relies on them; a commune split between bassins (Bruxelles-Ville)
 * is listed in each. A bassin not in this table gets the 19 communes in alphabetical order, and
 * the coordinator can reorder, add or remove options in the editor before opening the survey.
 */
import type { LocalizedText } from './language.ts';

export interface Commune {
  id: string;
  label: LocalizedText;
}

const c = (id: string, fr: string, nl: string, en = fr): Commune => ({ id, label: { fr, nl, en } });

/** In French alphabetical order. */
export const BRUSSELS_COMMUNES: readonly Commune[] = [
  c('anderlecht', 'Anderlecht', 'Anderlecht'),
  c('auderghem', 'Auderghem', 'Oudergem'),
  c('berchem-sainte-agathe', 'Berchem-Sainte-Agathe', 'Sint-Agatha-Berchem'),
  c('bruxelles', 'Bruxelles (Ville)', 'Brussel (Stad)', 'City of Brussels'),
  c('etterbeek', 'Etterbeek', 'Etterbeek'),
  c('evere', 'Evere', 'Evere'),
  c('forest', 'Forest', 'Vorst'),
  c('ganshoren', 'Ganshoren', 'Ganshoren'),
  c('ixelles', 'Ixelles', 'Elsene'),
  c('jette', 'Jette', 'Jette'),
  c('koekelberg', 'Koekelberg', 'Koekelberg'),
  c('molenbeek-saint-jean', 'Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek'),
  c('saint-gilles', 'Saint-Gilles', 'Sint-Gillis'),
  c('saint-josse-ten-noode', 'Saint-Josse-ten-Noode', 'Sint-Joost-ten-Node'),
  c('schaerbeek', 'Schaerbeek', 'Schaarbeek'),
  c('uccle', 'Uccle', 'Ukkel'),
  c('watermael-boitsfort', 'Watermael-Boitsfort', 'Watermaal-Bosvoorde'),
  c('woluwe-saint-lambert', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe'),
  c('woluwe-saint-pierre', 'Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe'),
];

/** Bassin (its key, see bassinKey) → its communes' ids. */
export const BASSINS: Readonly<Record<string, readonly string[]>> = {
  'nord-ouest': ['berchem-sainte-agathe', 'ganshoren', 'jette', 'koekelberg', 'molenbeek-saint-jean'],
  'nord-est': ['bruxelles', 'evere', 'saint-josse-ten-noode', 'schaerbeek'],
  centre: ['bruxelles', 'etterbeek', 'ixelles'],
  sud: ['anderlecht', 'forest', 'saint-gilles', 'uccle'],
  'sud-est': ['auderghem', 'watermael-boitsfort', 'woluwe-saint-lambert', 'woluwe-saint-pierre'],
};

/** `Bassin Nord-Ouest`, `nord ouest`, `Nord-Ouest` → `nord-ouest`. */
export function bassinKey(bassin: string | null | undefined): string {
  return (bassin ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bbassin\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The bassin's communes first (in alphabetical order), then the Region's others; `inBassin` counts the first. */
export function communesFor(bassin: string | null | undefined): { communes: Commune[]; inBassin: number } {
  const own = new Set(BASSINS[bassinKey(bassin)] ?? []);
  const first = BRUSSELS_COMMUNES.filter((x) => own.has(x.id));
  return { communes: [...first, ...BRUSSELS_COMMUNES.filter((x) => !own.has(x.id))], inBassin: first.length };
}
