import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { WorkspaceMessages } from './en.ts';

export function workspaceMessages(language: Language): WorkspaceMessages {
  return catalogue(language).workspace;
}

export type { WorkspaceMessages };
