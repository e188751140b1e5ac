import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { EditorMessages } from './en.ts';

export function editorMessages(language: Language): EditorMessages {
  return catalogue(language).editor;
}

export type { EditorMessages };
