import type { Language } from '../../domain/language.ts';
import { en, type WorkspaceMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, WorkspaceMessages> = { fr, nl, en };

export function workspaceMessages(language: Language): WorkspaceMessages {
  return catalogues[language];
}

export type { WorkspaceMessages };
