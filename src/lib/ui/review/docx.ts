/**
 * The review as a Word document (A4 portrait, Times New Roman), built in the browser or in Node with the `docx`
 * package. The package is imported only when a document is made, so no page downloads it before the button is
 * clicked. Texts and numbers come from text.ts, so the file says what the page says.
 */
import type { Report } from '$model/types';
import type { ReviewDoc, ReviewTable } from '$model/review';
import type { Lang } from '$i18n/format';
import { MESSAGES } from '$i18n/messages';
import { cellText, demoInline, partText, sentenceMarks, sourceText } from './text';

/** A chart drawn as PNG for the document; width and height in CSS pixels. */
export interface DocxImage {
  title: string;
  png: Uint8Array;
  width: number;
  height: number;
}

type Docx = typeof import('docx');

const FONT = 'Times New Roman';
/** A4 in twentieths of a point: 2 cm margins, 3 cm on the left as Vietnamese administrative documents have it. */
const A4 = { width: 11906, height: 16838, margin: 1134 };
const LEFT_EXTRA = 567;
/** Text width in pixels at 96 dpi: images are scaled to fit it. */
const TEXT_PX = ((A4.width - 2 * A4.margin - LEFT_EXTRA) / 1440) * 96;

function table(d: Docx, x: ReviewTable, lang: Lang) {
  const cell = (text: string, bold = false) =>
    new d.TableCell({
      children: [new d.Paragraph({ children: [new d.TextRun({ text, bold, font: FONT, size: 22 })] })]
    });
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: x.head.map((h) => cell(h, true)) }),
      ...x.rows.map(
        (r) => new d.TableRow({ cantSplit: true, children: r.map((c) => cell(cellText(c, lang))) })
      )
    ]
  });
}

/** The Document object (packed by `reviewDocx`, or by a test with Packer.toBuffer). */
export async function reviewDocument(
  doc: ReviewDoc,
  reports: Report[],
  lang: Lang,
  images: DocxImage[] = []
) {
  const d: Docx = await import('docx');
  const t = MESSAGES[lang];
  const run = (text: string, o: { bold?: boolean; italics?: boolean } = {}) =>
    new d.TextRun({ text, font: FONT, ...o });
  const para = (children: InstanceType<Docx['TextRun']>[], spacing = 120) =>
    new d.Paragraph({ children, spacing: { after: spacing }, alignment: d.AlignmentType.JUSTIFIED });
  const heading = (text: string, level: (typeof d.HeadingLevel)[keyof typeof d.HeadingLevel]) =>
    new d.Paragraph({
      heading: level,
      children: [run(text, { bold: true })],
      spacing: { before: 200, after: 120 }
    });
  const body: (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      heading: d.HeadingLevel.TITLE,
      children: [run(doc.title.toUpperCase(), { bold: true })]
    }),
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      children: [run(doc.heading, { bold: true })],
      spacing: { after: 240 }
    })
  ];
  if (doc.demo) body.push(para([run(`⚠ ${t.report_demo_notice}`, { italics: true })]));
  if (doc.uploaded) body.push(para([run(t.report_uploaded_notice, { italics: true })]));
  for (const p of doc.paragraphs) {
    body.push(heading(p.heading, d.HeadingLevel.HEADING_2));
    const runs = p.sentences.flatMap((s, i) => {
      const inline = demoInline(s);
      return [
        ...(i > 0 ? [run(' ')] : []),
        ...s.parts.flatMap((part) =>
          'fig' in part
            ? [
                run(partText(part, lang), { bold: true }),
                ...(inline && part.fig.kind === 'demo'
                  ? [run(` ${t.review_demo_mark}`, { italics: true })]
                  : [])
              ]
            : [run(part.text)]
        ),
        ...sentenceMarks(s, lang).map((m) => run(` ${m}`, { italics: true }))
      ];
    });
    body.push(para(runs));
  }
  for (const x of doc.tables) {
    body.push(heading(x.caption, d.HeadingLevel.HEADING_2), table(d, x, lang));
    if (x.demo) body.push(para([run(t.report_demo_cell, { italics: true })]));
  }
  if (images.length) body.push(heading(t.report_sec_charts, d.HeadingLevel.HEADING_2));
  for (const img of images) {
    const scale = Math.min(1, TEXT_PX / img.width);
    body.push(
      para([run(img.title, { bold: true })], 60),
      new d.Paragraph({
        children: [
          new d.ImageRun({
            type: 'png',
            data: img.png,
            transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
            altText: { name: img.title, title: img.title, description: img.title }
          })
        ],
        spacing: { after: 200 }
      })
    );
  }
  body.push(heading(t.report_sec_sources, d.HeadingLevel.HEADING_2));
  for (const r of reports.filter((x) => doc.reports.includes(x.id)))
    body.push(new d.Paragraph({ bullet: { level: 0 }, children: [run(sourceText(r, lang))] }));
  const font = { run: { font: FONT, color: '000000' } };
  return new d.Document({
    creator: t.app_title,
    title: `${doc.title} — ${doc.heading}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 26 } },
        title: { run: { font: FONT, size: 30, bold: true, color: '000000' } },
        heading2: { ...font, run: { ...font.run, size: 26, bold: true } }
      }
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin + LEFT_EXTRA, right: A4.margin }
          }
        },
        children: body
      }
    ]
  });
}

/** The .docx file of the review, for a download in the browser. */
export async function reviewDocx(doc: ReviewDoc, reports: Report[], lang: Lang, images: DocxImage[] = []) {
  const [d, document] = await Promise.all([import('docx'), reviewDocument(doc, reports, lang, images)]);
  return d.Packer.toBlob(document);
}
