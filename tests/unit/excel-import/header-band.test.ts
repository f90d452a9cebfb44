import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { mapHeaderBand } from '../../../shared/excel/header-band-mapping';
import { findHeaderBlocks } from '../../../shared/excel/header-detect';
import { describeImportProblem } from '../../../shared/excel/import-problem';
import { sheetGrid } from '../../../shared/excel/sheet-grid';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import type { Plan } from '../../../shared/model/plan';
import { annexWorkbook, writeWorkbook, type TableLayout } from '../../fixtures-src/make-import-fixtures';
import { builtin, error, readErr, readOk, withoutIds } from './import-helpers';

const base = { fileName: '取組事業一覧.xlsx', base: builtin };
const RENAMED = '生活に困っている人の自立を支える';
const renamed: TableLayout = { header: (what, id, text) => (what === 'concept' && id === 'v3-2' ? RENAMED : text) };
const workbookWith = (layout: TableLayout): Uint8Array => writeWorkbook(annexWorkbook(builtin, { layout }));

describe('matching the header band to the structure', () => {
  it('refuses a renamed concept, naming the column and the title expected, on each sheet', () => {
    const problems = readErr(workbookWith(renamed), base);
    const message = (letter: string): string =>
      `列 ${letter}: 見出し「${RENAMED}」は構造の目指す地域像３（２）「生活困窮者に対する自立支援方策を推進する」と違います`;
    expect(problems).toEqual([error('旭川市', 'M8', message('M')), error('社会福祉協議会', 'K8', message('K'))]);
    expect(describeImportProblem(problems[0]!, '取組事業一覧.xlsx')).toBe(`取組事業一覧.xlsx シート「旭川市」 セル M8: ${message('M')}`);
  });

  it('refuses a renamed sub-column', () => {
    const layout: TableLayout = { header: (what, id, text) => (what === 'sub' && id === 'v1-2-reoffending' ? '再犯防止計画' : text) };
    expect(readErr(workbookWith(layout), base)).toEqual([
      error('旭川市', 'H9', '列 H: 見出し「再犯防止計画」は構造の目指す地域像１（２）の「旭川市再犯防止推進計画関係」と違います'),
      error('社会福祉協議会', 'F9', '列 F: 見出し「再犯防止計画」は構造の目指す地域像１（２）の「旭川市再犯防止推進計画関係」と違います'),
    ]);
  });

  it('refuses a wrong vision label, and a wrong vision title', () => {
    const label: TableLayout = { header: (what, id, text) => (what === 'vision' && id === 'v2' && text === '目指す地域像２' ? '目指す地域像５' : text) };
    const cityOnly = (layout: TableLayout): Uint8Array => writeWorkbook(annexWorkbook(builtin, { layout, councilLayout: {} }));
    expect(readErr(cityOnly(label), base)).toEqual(
      ['I', 'J', 'K'].map((letter, index) =>
        error('旭川市', 'I4', `列 ${letter}: 見出し「目指す地域像５」は構造の「目指す地域像２」と違います（○の列「${builtin.plan.visions[1]!.concepts[index]!.title}」（目指す地域像２（${'１２３'[index]}）））`),
      ),
    );
    const title: TableLayout = { header: (what, id, text) => (what === 'vision' && id === 'v4' && text.startsWith('みんなが') ? 'みんなが元気な地域' : text) };
    expect(readErr(cityOnly(title), base)).toEqual([
      error('旭川市', 'O5', '列 O: 見出し「みんなが元気な地域」は構造の目指す地域像４の名称「みんなが健康で　安心・安全に暮らせる地域」と違います'),
    ]);
  });

  it('refuses a missing ○ column and one found twice', () => {
    const ids = builtin.plan.visions.flatMap((vision) => vision.concepts.flatMap((concept) => concept.subColumns?.map((sub) => sub.id) ?? [concept.id]));
    const missing = writeWorkbook(annexWorkbook(builtin, { layout: { markOrder: ids.filter((id) => id !== 'v4-3') }, councilLayout: {} }));
    expect(readErr(missing, base)).toEqual([error('旭川市', '', '○の列「災害に備えた取組を推進する」（目指す地域像４（３））が見つかりません')]);
    const twice = writeWorkbook(annexWorkbook(builtin, { layout: { markOrder: [...ids.slice(0, 4), 'v2-1', ...ids.slice(4)] }, councilLayout: {} }));
    const message = '○の列「多様なつながりを育む」（目指す地域像２（１））が二つ以上あります（列 I・J）';
    expect(readErr(twice, base)).toEqual([error('旭川市', 'I9', message), error('旭川市', 'J9', message)]);
  });

  it('refuses a column that fits two ○ columns, never guessing between them', () => {
    const plan: Plan = {
      ...builtin.plan,
      visions: [
        { id: 'a', label: 'A', title: 'A', concepts: [{ id: 'a-1', label: '（１）', title: '同じ名前' }] },
        { id: 'b', label: 'B', title: 'B', concepts: [{ id: 'b-1', label: '（１）', title: '同じ名前' }] },
      ],
    };
    const sheet = XLSX.utils.aoa_to_sheet(
      [
        ['通し番号', '主な取組', '取組概要', '同じ名前', '同じ名前'],
        [1, 'x', 'y', '○', ''],
      ],
      { dense: true },
    );
    const made = sheetGrid('S', sheet);
    if (!made.ok) throw new Error(made.message);
    const [block] = findHeaderBlocks(made.grid);
    const message = (letter: string): string => `列 ${letter}: 見出しが構造の○の列 「同じ名前」（A（１））・「同じ名前」（B（１）） のどれにも当てはまり、一つに決められません`;
    expect(mapHeaderBand(block!, plan).problems).toEqual([
      error('S', 'D1', message('D')),
      error('S', 'E1', message('E')),
      error('S', '', '○の列「同じ名前」（A（１））が見つかりません'),
      error('S', '', '○の列「同じ名前」（B（１））が見つかりません'),
    ]);
  });
});

describe('a plan built from the file (adoptStructure)', () => {
  const remap = (id: string): string => ({ 'v1-2-guardianship': 'v1-2-a', 'v1-2-reoffending': 'v1-2-b' })[id] ?? id;
  const remapRows = (rows: readonly AnnexRow[]): Omit<AnnexRow, 'id'>[] =>
    withoutIds({ ...builtin, tables: { city: { title: '', rows }, council: { title: '', rows: [] } } }).tables.city.rows.map((row) => ({
      ...row,
      marks: row.marks.map(remap),
    }));

  it('builds visions, concepts and sub-columns with generated ids from the renamed band, and a master from the 部/課 found', () => {
    const { document, warnings } = readOk(workbookWith(renamed), { fileName: 'ささえあいプラン.xlsx', adoptStructure: true });
    expect(warnings).toEqual([]);
    const expectedVisions = builtin.plan.visions.map((vision) => ({
      ...vision,
      concepts: vision.concepts.map((concept) => ({
        ...concept,
        ...(concept.id === 'v3-2' ? { title: RENAMED } : {}),
        ...(concept.subColumns ? { subColumns: concept.subColumns.map((sub) => ({ ...sub, id: remap(sub.id) })) } : {}),
      })),
    }));
    expect(document.plan).toEqual({
      title: 'ささえあいプラン',
      edition: '',
      year: new Date().getFullYear(),
      annexTitle: '',
      philosophy: builtin.plan.philosophy,
      visions: expectedVisions,
    });
    expect(document.tables.city.title).toBe(builtin.tables.city.title);
    expect(document.tables.council.title).toBe(builtin.tables.council.title);
    expect(withoutIds(document).tables.city.rows).toEqual(remapRows(builtin.tables.city.rows));
    expect(withoutIds(document).tables.council.rows).toEqual(remapRows(builtin.tables.council.rows));
    expect(document.provenance).toBeUndefined();
    // A 課 seen beside two 部 only goes to the first of them: the city's master says 土木総務課 is 土木部's.
    const expectedMasters = builtin.masters.departments.map((department) => ({
      ...department,
      sections: department.name === '建築部' ? ['公共建築課', '土木総務課', '公園みどり課'] : department.name === '土木部' ? ['雪対策課'] : department.sections,
    }));
    expect(document.masters).toEqual({ departments: expectedMasters });
  });

  it('takes what the file cannot say from the open document, and keeps its master', () => {
    const { document } = readOk(workbookWith(renamed), { ...base, adoptStructure: true });
    expect({ ...document.plan, visions: [] }).toEqual({ ...builtin.plan, visions: [] });
    expect(document.plan.visions[2]?.concepts[1]?.title).toBe(RENAMED);
    expect(document.masters).toEqual(builtin.masters);
    expect(document.provenance).toEqual(builtin.provenance);
    expect(document.tables.city.title).toBe(builtin.tables.city.title);
  });

  it('refuses a band it cannot read a place from', () => {
    const layout: TableLayout = { header: (what, id, text) => (what === 'vision' && id === 'v1' && text === '目指す地域像１' ? '地域像' : text) };
    const problems = readErr(writeWorkbook(annexWorkbook(builtin, { layout, councilLayout: {} })), { fileName: 'a.xlsx', adoptStructure: true });
    expect(problems).toEqual(
      ['F', 'G', 'H'].map((letter) => error('旭川市', `${letter}9`, `列 ${letter}: 目指す地域像の番号（目指す地域像１など）が見出しにありません`)),
    );
  });

  it('still prefers a 構造 sheet to the band', () => {
    const bytes = writeWorkbook(annexWorkbook(builtin, { structure: true, layout: { ids: true } }));
    const document: AnnexDocument = readOk(bytes, { fileName: 'a.xlsx', adoptStructure: true }).document;
    expect(document).toEqual(builtin);
  });
});
