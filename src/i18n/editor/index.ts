import type { Language } from '../../domain/language.ts';
import { type EditorMessages, en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, EditorMessages> = { fr, nl, en };

export function editorMessages(language: Language): EditorMessages {
  return catalogues[language];
}

export type { EditorMessages };
