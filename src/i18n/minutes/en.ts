/** English messages of the minutes (the coordinator's words, actions followed, moderation); the reference shape for fr and nl. */
import { msg } from '../format.ts';

export const en = {
  written: 'Written by the coordination',
  measured: 'Measured by the surveys',
  followUp: 'What became of the actions',
  status: {
    proposed: 'proposed',
    planned: 'planned',
    in_progress: 'in progress',
    done: 'done',
    dropped: 'dropped',
  } as Record<'proposed' | 'planned' | 'in_progress' | 'done' | 'dropped', string>,
  since: (session: number) => `proposed at session #${session}`,
  volunteers: msg<[n: number, session: number]>(
    ['n', 'session'],
    '{n} volunteer{n, plural, =1 {} other {s}} in the survey after #{session}',
  ),
  followUpMethod: 'status and note set by the coordination; volunteers counted like every other figure (minimum group size)',
  formats: { docx: 'Word (.docx)', odt: 'LibreOffice (.odt)' },
  workspace: {
    link: 'Prepare the minutes',
    title: (n: number) => `Minutes for session #${n}`,
    intro: 'Your words appear above the figures, marked as written. A blank line starts a paragraph; "- " starts a bullet.',
    sections: {
      expectations: 'Participants’ expectations and objectives',
      findings: 'Findings and adjustments of the offer',
      needs: 'Monitoring the population’s needs',
      actions: 'Collective actions and perspectives',
      save_the_date: 'Save the date',
    } as Record<'expectations' | 'findings' | 'needs' | 'actions' | 'save_the_date', string>,
    textLabel: 'Text of the section',
    language: 'Language of the text',
    save: 'Save this section',
    never: 'Nothing written yet.',
    lastChange: (version: number, who: string, when: string) => `Version ${version}, by ${who}, ${when}.`,
    versions: 'Earlier versions',
    version: (version: number) => `Version ${version}`,
    showVersion: 'Show',
    empty: '(emptied)',
    back: 'Back to the minutes',
    actions: 'Collective actions of the series',
    actionsIntro: 'Actions proposed in the post-surveys; the next brief reports their status.',
    statusLabel: 'Status',
    note: 'Note for the next session',
    saveAction: 'Save',
    volunteers: 'Who agreed to be contacted',
    volunteersIntro: 'Only you see this list: who ticked the action in a named survey and agreed to be contacted.',
    nobody: 'Nobody yet.',
    noActions: 'No post-survey has proposed actions yet.',
    texts: 'Free texts',
    textsIntro:
      'Hiding removes a text from results and brief by its wording (never by who wrote it); the answer stays, the reason goes to the audit log.',
    hide: 'Hide',
    reason: 'Reason (kept in the audit log)',
    showAgain: 'Show again',
    hidden: 'hidden',
    noTexts: 'No free text is published for these surveys.',
    dismiss: 'Dismiss (not a theme)',
  },
  invalid: {
    reason: 'give a short reason',
    text: 'this text cannot be saved (too long or with invisible characters)',
    status: 'choose a status',
  },
};

export type MinutesMessages = typeof en;
