/**
 * What a text typed by a person may contain. Titles, labels, places, names and answers are
 * shown to other people — in pages, e-mails, CSV and the brief — so characters that are
 * invisible or that reorder what is displayed (a right-to-left override turns "exe.txt" into
 * "txt.exe"), controls that break exports, and lone UTF-16 surrogates (JSON's "\ud800", which
 * D1 would silently turn into U+FFFD) are refused rather than stored. Texts are stored in NFC,
 * so "é" typed as e + combining accent and as one character is the same text.
 */

/** Control characters (C0, DEL, C1: Unicode's Cc) but tab, LF and CR; in one line, line and paragraph separators too. */
const CONTROL_MULTILINE = /(?![\t\n\r])\p{Cc}/u;
const CONTROL_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;
/** Bidi embeddings and overrides (U+202A–202E) and isolates (U+2066–2069). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * Zero-width space, non-joiner, word joiner, BOM, Mongolian vowel separator; a zero-width
 * joiner except inside an emoji sequence (👩‍⚕️ needs it).
 */
const ZERO_WIDTH =
  /[\u200B\u200C\u2060\uFEFF\u180E]|\u200D(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}|\uFE0F|\p{Emoji_Modifier})\u200D/u;
/** With the u flag a paired surrogate is one code point; only a lone half matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

export type TextRefusal = 'encoding' | 'characters';

/** Why the text may not be stored, or null. `multiline`: a free answer, where tabs and line breaks belong. */
export function textRefusal(text: string, multiline = false): TextRefusal | null {
  if (LONE_SURROGATE.test(text)) return 'encoding';
  if ((multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(text)) return 'characters';
  if (BIDI.test(text) || ZERO_WIDTH.test(text)) return 'characters';
  return null;
}

/** Fixed texts for the API's errors (never quoting the text). */
export const TEXT_REFUSAL_MESSAGES: Record<TextRefusal, string> = {
  encoding: 'contains an invalid character (a lone UTF-16 surrogate)',
  characters: 'contains a control, invisible or text-direction character that is not allowed',
};

export const normaliseNfc = (text: string) => text.normalize('NFC');
