/** English messages of the survey editor and of copying a survey; the reference shape for fr and nl. */
import type { EditRule } from '../../domain/survey-edit.ts';

export const en = {
  draftRule:
    'Nobody has answered yet: everything can change. From the first answer on, only changes that keep every answer meaningful will be possible.',
  answeredTitle: 'This survey has answers',
  answeredCan:
    'To keep every answer meaningful, you can reword questions and options, add options, add questions that are not required, reorder questions and options, and let people rank more options.',
  answeredCannot:
    'You cannot remove a question or an option, change a type or a scale, let people rank fewer options, change the profile question, or make a question required.',
  type: 'Type',
  maxRanked: 'How many options can be ranked',
  scaleMin: 'Lowest value',
  scaleMax: 'Highest value',
  profile: 'Profile question (results are broken down by it)',
  profileNone: 'None',
  removeQuestion: 'Remove the question',
  removeOption: 'Remove',
  optionLegend: (label: string) => `Option “${label}”`,
  optionLabelIn: { fr: 'Label in French', nl: 'Label in Dutch (optional)', en: 'Label in English (optional)' },
  newOption: 'New option',
  addOption: 'Add the option',
  addQuestion: 'Add a question',
  newOptions: 'Options, one per line (in French; translate them once added)',
  addQuestionButton: 'Add the question',
  requiredAfterAnswers: 'Questions added now cannot be required: earlier answers would lack them.',
  invalidValue: 'This value is not accepted.',
  needOptions: 'Give at least one option (one per line).',
  newTextMissing: 'Write the question in French.',
  rules: {
    question_removed: 'This survey has answers: a question cannot be removed (reword it instead).',
    option_removed: 'This survey has answers: an option cannot be removed (reword it instead).',
    type_changed: 'This survey has answers: a question cannot change type.',
    max_ranked_lowered: 'This survey has answers: the number of ranked options cannot go down.',
    profile_changed: 'This survey has answers: the profile question cannot change.',
    scale_changed: 'This survey has answers: a scale cannot change.',
    limits_tightened: 'This survey has answers: how many options may be chosen can only widen.',
    source_changed: 'This survey has answers: where the options come from cannot change.',
    theme_changed: "This survey has answers: an option's theme cannot change.",
    role_changed: "This survey has answers: a text question's role cannot change.",
    max_length_lowered: 'This survey has answers: a text limit cannot go down.',
    required_added: 'This survey has answers: a question cannot become required.',
  } satisfies Record<EditRule, string>,
  copyFrom: (n: number) => `Copy from session #${n}`,
  copyHelp: 'The questions are copied as a draft you can edit; the theme options are those of the catalogue today.',
};

export type EditorMessages = typeof en;
