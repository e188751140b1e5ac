/**
 * The coordinator's words in a brief section: plain text with at most paragraphs (separated
 * by a blank line) and bullet lists (lines starting with "- " or "* "). Nothing else is
 * interpreted, so every output escapes the text its own way (HTML by JSX, Markdown by mdText,
 * ODT/DOCX by XML escaping) and no markup a coordinator types reaches a reader as markup.
 */

export type WrittenBlock = { type: 'paragraph'; text: string } | { type: 'list'; items: string[] };

const BULLET = /^\s*[-*•]\s+/;

export function writtenBlocks(text: string): WrittenBlock[] {
  const blocks: WrittenBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    const flushList = () => {
      if (list.length) blocks.push({ type: 'list', items: list });
      list = [];
    };
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushParagraph();
        list.push(line.replace(BULLET, ''));
      } else {
        flushList();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}
