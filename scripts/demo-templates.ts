/**
 * The demo series' surveys (Liaison hôpital-ambulatoire, bassin Sud-Est), exactly as the minutes
 * of sessions #1–#2 asked them: the common questions with this series' own options (hospital
 * realities, the carer status, the four communes of the Sud-Est). A new series gets the common
 * template (src/domain/templates.ts), never these.
 */
import type { Question } from '../src/domain/definition.ts';
import {
  articulateNetwork,
  type CatalogueTheme,
  collectiveActions,
  createLinks,
  opt,
  postSurvey,
  practiceExchange,
  preSurvey,
  shareNews,
  toolsCadastre,
} from '../src/domain/templates.ts';

export function demoPreSurvey(themes: readonly CatalogueTheme[]): Question[] {
  return preSurvey(themes, {
    expectations: [
      createLinks,
      opt(
        'hospital-realities',
        'Connaître les réalités hospitalières',
        'De realiteit van het ziekenhuis leren kennen',
        'Understand hospital realities',
      ),
      articulateNetwork,
      shareNews,
      collectiveActions,
    ],
    communes: [
      opt('auderghem', 'Auderghem', 'Oudergem', 'Auderghem'),
      opt('watermael-boitsfort', 'Watermael-Boitsfort', 'Watermaal-Bosvoorde', 'Watermael-Boitsfort'),
      opt('woluwe-saint-lambert', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert'),
      opt('woluwe-saint-pierre', 'Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre'),
      opt('elsewhere', 'Ailleurs en Région bruxelloise', 'Elders in het Brussels Gewest', 'Elsewhere in the Brussels Region'),
    ],
  });
}

export function demoPostSurvey(themes: readonly CatalogueTheme[]): Question[] {
  return postSurvey(themes, {
    actions: [
      opt(
        'info-roles',
        'Moment d’information sur les rôles des dispositifs d’accompagnement',
        'Infomoment over de rol van begeleidingsdiensten',
        'Information session on the roles of support services',
      ),
      opt(
        'info-caregiver-status',
        'Information sur le statut d’aidant·e proche',
        'Informatie over het statuut van mantelzorger',
        'Information on the carer status',
      ),
      opt(
        'info-ehealth',
        'Moment d’information sur les plateformes d’e-santé à Bruxelles',
        'Infomoment over de e-gezondheidsplatformen in Brussel',
        'Information session on Brussels e-health platforms',
      ),
      toolsCadastre,
      opt(
        'shared-secrecy',
        'Offre sur le secret professionnel partagé',
        'Aanbod rond gedeeld beroepsgeheim',
        'Offer on shared professional secrecy',
      ),
      practiceExchange,
    ],
  });
}
