/** Messages français de l'éditeur de questionnaire et de la copie d'un questionnaire. */
import type { EditorMessages } from './en.ts';

export const fr: EditorMessages = {
  draftRule:
    'Personne n’a encore répondu : tout peut changer. Dès la première réponse, seules les modifications qui gardent le sens de chaque réponse seront possibles.',
  answeredTitle: 'Ce questionnaire a des réponses',
  answeredCan:
    'Pour que chaque réponse garde son sens, vous pouvez reformuler les questions et les options, ajouter des options, ajouter des questions non obligatoires, réordonner questions et options, et laisser classer plus d’options.',
  answeredCannot:
    'Vous ne pouvez pas supprimer une question ou une option, changer un type ou une échelle, laisser classer moins d’options, changer la question de profil, ni rendre une question obligatoire.',
  type: 'Type',
  maxRanked: 'Nombre d’options à classer',
  scaleMin: 'Valeur la plus basse',
  scaleMax: 'Valeur la plus haute',
  profile: 'Question de profil (les résultats sont ventilés selon elle)',
  profileNone: 'Aucune',
  removeQuestion: 'Supprimer la question',
  removeOption: 'Supprimer',
  optionLegend: (label: string) => `Option « ${label} »`,
  optionLabelIn: { fr: 'Libellé en français', nl: 'Libellé en néerlandais (facultatif)', en: 'Libellé en anglais (facultatif)' },
  newOption: 'Nouvelle option',
  addOption: 'Ajouter l’option',
  addQuestion: 'Ajouter une question',
  newOptions: 'Options, une par ligne (en français ; traduisez-les une fois ajoutées)',
  addQuestionButton: 'Ajouter la question',
  requiredAfterAnswers: 'Une question ajoutée maintenant ne peut pas être obligatoire : les réponses déjà données ne la contiennent pas.',
  invalidValue: 'Cette valeur n’est pas acceptée.',
  needOptions: 'Donnez au moins une option (une par ligne).',
  newTextMissing: 'Écrivez la question en français.',
  rules: {
    question_removed: 'Ce questionnaire a des réponses : une question ne peut pas être supprimée (reformulez-la plutôt).',
    option_removed: 'Ce questionnaire a des réponses : une option ne peut pas être supprimée (reformulez-la plutôt).',
    type_changed: 'Ce questionnaire a des réponses : une question ne peut pas changer de type.',
    max_ranked_lowered: 'Ce questionnaire a des réponses : le nombre d’options à classer ne peut pas baisser.',
    profile_changed: 'Ce questionnaire a des réponses : la question de profil ne peut pas changer.',
    scale_changed: 'Ce questionnaire a des réponses : une échelle ne peut pas changer.',
    limits_tightened: 'Ce questionnaire a des réponses : le nombre d’options à choisir ne peut que s’élargir.',
    source_changed: 'Ce questionnaire a des réponses : l’origine des options ne peut pas changer.',
    theme_changed: 'Ce questionnaire a des réponses : la thématique d’une option ne peut pas changer.',
    role_changed: 'Ce questionnaire a des réponses : le rôle d’une question libre ne peut pas changer.',
    max_length_lowered: 'Ce questionnaire a des réponses : la longueur permise ne peut pas baisser.',
    required_added: 'Ce questionnaire a des réponses : une question ne peut pas devenir obligatoire.',
  },
  copyFrom: (n: number) => `Copier depuis la séance #${n}`,
  copyHelp: 'Les questions sont copiées dans un brouillon modifiable ; les options de thématiques sont celles du catalogue aujourd’hui.',
};
