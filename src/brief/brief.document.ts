/**
 * The brief as a file a coordinator edits in Word or LibreOffice (`?format=docx|odt`).
 *
 * Both formats are ZIP archives of a few XML files. A library such as `docx` would cost more
 * than the whole deploy budget has left (150 KiB gzip, README "Editable brief"), so the brief is
 * written here as flat XML — headings, paragraphs, bullet lists and tables, nothing else — and
 * packed as a ZIP of stored entries written here too (~0.7 KiB gzip in the bundle, against
 * ~2.4 KiB for fflate's ZipPassThrough, issue 15). The layout is read from the brief's own Markdown
 * (src/brief/brief.markdown.ts), so the document has exactly the minutes' sections, order and
 * footnotes of the other formats, and no second copy of that logic exists.
 */
import type { Language } from '../domain/language.ts';

export type DocBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string; emphasis?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'table'; rows: string[][] };

/** Markdown escapes of mdText undone; footnote references written as [n]. */
const plain = (s: string) =>
  s
    .replace(/\[\^(\d+)\]/g, '[$1]')
    .replace(/\\([\\`*_[\]<>|#~])/g, '$1')
    .trim();

/** Table cells: split on the pipes mdText did not escape. */
const cells = (line: string) =>
  line
    .replace(/^\|\s?/, '')
    .replace(/\s?\|$/, '')
    .split(/(?<!\\)\|/)
    .map(plain);

/** The blocks of the Markdown the brief writes (its own dialect: headings, paragraphs, "- " lists, tables, footnotes). */
export function markdownBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let list: string[] | null = null;
  let table: string[][] | null = null;
  const flush = () => {
    if (list) blocks.push({ type: 'list', items: list });
    if (table) blocks.push({ type: 'table', rows: table });
    list = null;
    table = null;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]?.length ?? 1, text: plain(heading[2] ?? '') });
    } else if (line.startsWith('|')) {
      if (/^\|(\s*-+:?\s*\|)+$/.test(line)) continue;
      table ??= [];
      table.push(cells(line));
    } else if (line.startsWith('- ')) {
      list ??= [];
      list.push(plain(line.slice(2)));
    } else {
      flush();
      const emphasis = /^([*_]).*\1$/.test(line);
      const text = line.replace(/^> /, '').replace(/^\[\^(\d+)\]: /, '[$1] ');
      blocks.push({ type: 'paragraph', text: plain(emphasis ? text.slice(1, -1) : text), ...(emphasis ? { emphasis } : {}) });
    }
  }
  flush();
  return blocks;
}

/** XML text: escaped, and without the characters XML 1.0 cannot hold. */
const xml = (s: string) =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** CRC-32 (ZIP's, polynomial 0xEDB88320), by a table built once per isolate. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP of stored entries in the given order (ODF wants `mimetype` first and uncompressed):
 * each local header with its sizes and CRC up front (no data descriptors, the form every
 * reader takes), then the central directory. Names are flagged UTF-8; times are now's.
 */
function zip(files: [string, string][]): Uint8Array {
  const encoder = new TextEncoder();
  const entries = files.map(([name, content]) => {
    const data = encoder.encode(content);
    return { name: encoder.encode(name), data, crc: crc32(data) };
  });
  const now = new Date();
  const time = (now.getUTCHours() << 11) | (now.getUTCMinutes() << 5) | (now.getUTCSeconds() >> 1);
  const date = ((now.getUTCFullYear() - 1980) << 9) | ((now.getUTCMonth() + 1) << 5) | now.getUTCDate();
  const size = entries.reduce((n, e) => n + 30 + 46 + 2 * e.name.length + e.data.length, 22);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  // Version 2.0, UTF-8 names, stored, time, date, CRC, sizes (the same twice: stored), name length.
  const common = (e: (typeof entries)[number]) => {
    u16(20);
    u16(0x800);
    u16(0);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    common(e);
    u16(0);
    bytes(e.name);
    bytes(e.data);
  }
  const directory = at;
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(20);
    common(e);
    // No extra field or comment, disk 0, no attributes, then where its local header is.
    for (const v of [0, 0, 0, 0]) u16(v);
    u32(0);
    u32(offsets[i] ?? 0);
    bytes(e.name);
  });
  const directorySize = at - directory;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(directorySize);
  u32(directory);
  u16(0);
  return out;
}

// OpenDocument text (.odt)

const ODF = 'urn:oasis:names:tc:opendocument:xmlns';
const ODF_NS = `xmlns:office="${ODF}:office:1.0" xmlns:style="${ODF}:style:1.0" xmlns:text="${ODF}:text:1.0" xmlns:table="${ODF}:table:1.0" xmlns:fo="${ODF}:xsl-fo-compatible:1.0" office:version="1.3"`;

function odtBody(blocks: DocBlock[]): string {
  let tables = 0;
  return blocks
    .map((b) => {
      if (b.type === 'heading')
        return `<text:h text:style-name="Heading_20_${b.level}" text:outline-level="${b.level}">${xml(b.text)}</text:h>`;
      if (b.type === 'paragraph') return `<text:p text:style-name="${b.emphasis ? 'Emphasis' : 'Text_20_body'}">${xml(b.text)}</text:p>`;
      if (b.type === 'list')
        return `<text:list>${b.items.map((i) => `<text:list-item><text:p text:style-name="Text_20_body">${xml(i)}</text:p></text:list-item>`).join('')}</text:list>`;
      const [head = [], ...rest] = b.rows;
      const row = (r: string[], style: string) =>
        `<table:table-row>${r.map((c) => `<table:table-cell office:value-type="string"><text:p text:style-name="${style}">${xml(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`;
      tables += 1;
      return `<table:table table:name="Table${tables}"><table:table-column table:number-columns-repeated="${head.length}"/><table:table-header-rows>${row(head, 'Table_20_Heading')}</table:table-header-rows>${rest.map((r) => row(r, 'Table_20_Contents')).join('')}</table:table>`;
    })
    .join('\n');
}

const odtStyles = (language: Language) =>
  `${HEAD}<office:document-styles ${ODF_NS}><office:styles>` +
  `<style:default-style style:family="paragraph"><style:text-properties fo:language="${language}" fo:country="BE" fo:font-size="11pt"/></style:default-style>` +
  '<style:style style:name="Standard" style:family="paragraph"/>' +
  '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>' +
  '<style:style style:name="Emphasis" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-style="italic"/></style:style>' +
  '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>' +
  [20, 16, 13, 11]
    .map(
      (size, i) =>
        `<style:style style:name="Heading_20_${i + 1}" style:display-name="Heading ${i + 1}" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="${i + 1}"><style:text-properties fo:font-size="${size}pt"/></style:style>`,
    )
    .join('') +
  '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"/>' +
  '<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>' +
  '</office:styles></office:document-styles>';

export function briefOdt(blocks: DocBlock[], title: string, language: Language): Uint8Array {
  return zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    [
      'META-INF/manifest.xml',
      `${HEAD}<manifest:manifest xmlns:manifest="${ODF}:manifest:1.0" manifest:version="1.3">` +
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
        ['content.xml', 'styles.xml', 'meta.xml']
          .map((f) => `<manifest:file-entry manifest:full-path="${f}" manifest:media-type="text/xml"/>`)
          .join('') +
        '</manifest:manifest>',
    ],
    [
      'meta.xml',
      `${HEAD}<office:document-meta xmlns:office="${ODF}:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>${xml(title)}</dc:title><dc:language>${language}</dc:language></office:meta></office:document-meta>`,
    ],
    ['styles.xml', odtStyles(language)],
    [
      'content.xml',
      `${HEAD}<office:document-content ${ODF_NS}><office:body><office:text>\n${odtBody(blocks)}\n</office:text></office:body></office:document-content>`,
    ],
  ]);
}

// Office Open XML (.docx)

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
const para = (text: string, style?: string, bold = false) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${run(text, bold)}</w:p>`;
const BORDER = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`)
  .join('');

function docxBody(blocks: DocBlock[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'heading') return para(b.text, `Heading${b.level}`);
      if (b.type === 'paragraph') return para(b.text, b.emphasis ? 'Emphasis' : undefined);
      // A bullet character keeps lists readable without a numbering part.
      if (b.type === 'list') return b.items.map((i) => para(`• ${i}`, 'ListBullet')).join('');
      const width = b.rows[0]?.length ?? 1;
      const row = (r: string[], header: boolean) =>
        `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${r.map((c) => `<w:tc>${para(c, undefined, header)}</w:tc>`).join('')}</w:tr>`;
      return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${BORDER}</w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${b.rows.map((r, i) => row(r, i === 0)).join('')}</w:tbl><w:p/>`;
    })
    .join('\n');
}

const docxStyle = (id: string, name: string, props: string, run = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>${props}</w:pPr><w:rPr>${run}</w:rPr></w:style>`;

const docxStyles = (language: Language) =>
  `${HEAD}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:lang w:val="${language}-BE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  [40, 32, 26, 22]
    .map((size, i) =>
      docxStyle(
        `Heading${i + 1}`,
        `heading ${i + 1}`,
        `<w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="${i}"/>`,
        `<w:b/><w:sz w:val="${size}"/>`,
      ),
    )
    .join('') +
  docxStyle('ListBullet', 'List Bullet', '<w:ind w:left="360" w:hanging="360"/>') +
  docxStyle('Emphasis', 'Emphasis', '', '<w:i/>') +
  '</w:styles>';

export function briefDocx(blocks: DocBlock[], title: string, language: Language): Uint8Array {
  const doc = 'application/vnd.openxmlformats-officedocument';
  return zip([
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${doc}.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${doc}.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xml(title)}</dc:title><dc:language>${language}</dc:language></cp:coreProperties>`,
    ],
    [
      'word/_rels/document.xml.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['word/styles.xml', docxStyles(language)],
    ['word/document.xml', `${HEAD}<w:document xmlns:w="${W}"><w:body>\n${docxBody(blocks)}\n<w:sectPr/></w:body></w:document>`],
  ]);
}
