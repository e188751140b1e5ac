/** English messages of paper surveys (printable survey, keyed-in answers, flyer); the reference shape. */
import { msg } from '../format.ts';

export const en = {
  print: {
    title: 'Paper version',
    howTo:
      'Tick one box per answer (☐), unless the question says you may tick several. Write clearly; leave a question blank to skip it when it is optional.',
    tickOne: 'Tick one box.',
    tickMany: 'Tick every box that applies.',
    rank: (k: number) => `Write 1 to ${k} in the boxes of your choices: 1 for the most important. Leave the others empty.`,
    rating: 'Tick one number.',
    write: 'Write your answer on the lines.',
    anonymous: (m: number) =>
      `This survey is anonymous: do not write your name. The coordination keys your sheet in without a name, and it is counted only together with at least ${m} other answers.`,
    named: 'Do not write your name: a paper answer is keyed in without one.',
    handIn: 'Hand this sheet to the coordination at the end of the session.',
    online: 'Prefer to answer online? Scan the code with your phone, or type the address:',
    printHint: "Print this page with your browser's Print command (Ctrl+P / ⌘P); the workspace's navigation is left out of the print.",
  },
  keyIn: {
    title: 'Key in a paper answer',
    notice:
      'You are keying in a paper answer. It counts like an online answer and is marked as keyed in. Submit each sheet once: after saving, the form is empty again for the next sheet.',
    anonymous: (m: number) =>
      `This survey is anonymous: the sheet is stored without a name and counted with at least ${m} other answers, like online answers. Once saved, it cannot be shown again, here or anywhere.`,
    saved: msg<[n: number]>(
      ['n'],
      'Paper answer saved. {n} paper {n, plural, =1 {answer has} other {answers have}} been keyed in for this survey.',
    ),
    notOpen: 'Paper answers can be keyed in while the survey is open.',
    back: 'Back to the session',
  },
  links: {
    heading: 'Paper',
    print: 'Printable version',
    keyIn: 'Key in paper answers',
    flyer: 'Flyer with the open link’s QR code',
    keyed: (n: number) => `${n} keyed in from paper`,
  },
  flyer: {
    title: 'Have your say',
    scan: 'Scan the code with your phone, or type the address:',
    session: 'Thematic consultation',
    closes: (date: string) => `Answers until ${date}.`,
  },
  qrLabel: (url: string) => `QR code opening ${url}`,
  paperName: 'Paper answer (keyed in)',
};

export type PaperMessages = typeof en;
