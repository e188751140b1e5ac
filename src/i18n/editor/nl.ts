/** Nederlandse berichten van de vragenlijsteditor en van het kopiëren van een vragenlijst. */
import type { EditorMessages } from './en.ts';

export const nl: EditorMessages = {
  draftRule:
    'Nog niemand heeft geantwoord: alles kan veranderen. Vanaf het eerste antwoord zijn alleen wijzigingen mogelijk waarbij elk antwoord zijn betekenis behoudt.',
  answeredTitle: 'Deze vragenlijst heeft antwoorden',
  answeredCan:
    'Opdat elk antwoord zijn betekenis behoudt, kunt u vragen en opties herformuleren, opties toevoegen, niet-verplichte vragen toevoegen, vragen en opties herschikken en meer opties laten rangschikken.',
  answeredCannot:
    'U kunt geen vraag of optie verwijderen, geen type of schaal wijzigen, niet minder opties laten rangschikken, de profielvraag niet wijzigen en geen vraag verplicht maken.',
  type: 'Type',
  maxRanked: 'Aantal te rangschikken opties',
  scaleMin: 'Laagste waarde',
  scaleMax: 'Hoogste waarde',
  profile: 'Profielvraag (resultaten worden erop opgesplitst)',
  profileNone: 'Geen',
  removeQuestion: 'Vraag verwijderen',
  removeOption: 'Verwijderen',
  optionLegend: (label: string) => `Optie “${label}”`,
  optionLabelIn: { fr: 'Label in het Frans', nl: 'Label in het Nederlands (optioneel)', en: 'Label in het Engels (optioneel)' },
  newOption: 'Nieuwe optie',
  addOption: 'Optie toevoegen',
  addQuestion: 'Een vraag toevoegen',
  newOptions: 'Opties, één per regel (in het Frans; vertaal ze na het toevoegen)',
  addQuestionButton: 'Vraag toevoegen',
  requiredAfterAnswers: 'Een vraag die nu wordt toegevoegd kan niet verplicht zijn: eerdere antwoorden bevatten haar niet.',
  invalidValue: 'Deze waarde wordt niet aanvaard.',
  needOptions: 'Geef minstens één optie (één per regel).',
  newTextMissing: 'Schrijf de vraag in het Frans.',
  rules: {
    question_removed: 'Deze vragenlijst heeft antwoorden: een vraag kan niet worden verwijderd (herformuleer ze).',
    option_removed: 'Deze vragenlijst heeft antwoorden: een optie kan niet worden verwijderd (herformuleer ze).',
    type_changed: 'Deze vragenlijst heeft antwoorden: het type van een vraag kan niet veranderen.',
    max_ranked_lowered: 'Deze vragenlijst heeft antwoorden: het aantal te rangschikken opties kan niet dalen.',
    profile_changed: 'Deze vragenlijst heeft antwoorden: de profielvraag kan niet veranderen.',
    scale_changed: 'Deze vragenlijst heeft antwoorden: een schaal kan niet veranderen.',
    limits_tightened: 'Deze vragenlijst heeft antwoorden: het aantal te kiezen opties kan alleen ruimer worden.',
    source_changed: 'Deze vragenlijst heeft antwoorden: de herkomst van de opties kan niet veranderen.',
    theme_changed: 'Deze vragenlijst heeft antwoorden: het thema van een optie kan niet veranderen.',
    role_changed: 'Deze vragenlijst heeft antwoorden: de rol van een open vraag kan niet veranderen.',
    max_length_lowered: 'Deze vragenlijst heeft antwoorden: de toegelaten lengte kan niet dalen.',
    required_added: 'Deze vragenlijst heeft antwoorden: een vraag kan niet verplicht worden.',
  },
  copyFrom: (n: number) => `Kopiëren uit sessie #${n}`,
  copyHelp: 'De vragen worden gekopieerd in een ontwerp dat u kunt bewerken; de thema-opties zijn die van de catalogus vandaag.',
};
