import type { AnnexDocument } from '../model/annex-document';
import type { Plan } from '../model/plan';
import { checkDocumentStructure } from '../model/structure-checks';
import { annexJsonSchema, CURRENT_SCHEMA_VERSION } from '../schema/annex-json-schema';
import { japaneseErrors } from '../schema/japanese-errors';
import { err, ok, type Result } from '../result';
import { adoptPlan } from './adopt-structure';
import type { HeaderBlock } from './header-detect';
import type { ImportProblem } from './import-problem';
import type { DocumentFrame } from './structure-sheet';
import { STRUCTURE_SHEET_NAME } from './workbook-names';

export interface ReadAnnexOptions {
  readonly fileName: string;
  /** The open document: its structure is what a workbook without a 構造 sheet is compared with. */
  readonly base?: AnnexDocument;
  /** Build the plan from the file's header band (a workbook without a 構造 sheet only); the rest comes from `base`. */
  readonly adoptStructure?: boolean;
  /** Also give where each row came from (its 通し番号 as written, whether its id is the file's), numbers left unchecked. */
  readonly rowSources?: boolean;
  /** Sheets that hold no table, given back as plain rows (a submission's fingerprint), never searched for tables. */
  readonly sideSheets?: readonly string[];
}

export interface ChosenFrame {
  readonly frame: DocumentFrame;
  /** The plan was built from the header band: the master grows from the 部/課 found. */
  readonly adopted: boolean;
}

const fileError = (message: string): ImportProblem => ({ severity: 'error', sheet: '', cell: '', message });

/** The file's name without folders or extension: an adopted plan's title when nothing else names it. */
export function fileStem(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '');
}

export function frameOfDocument(document: AnnexDocument): DocumentFrame {
  return {
    plan: document.plan,
    masters: document.masters,
    tableTitles: { city: document.tables.city.title, council: document.tables.council.title },
    ...(document.provenance ? { provenance: document.provenance } : {}),
    ...(document.settings ? { settings: document.settings } : {}),
    ...(document.ledger ? { ledger: document.ledger } : {}),
  };
}

/** An adopted plan meets the same schema as a plan read from JSON (ids, non-empty names). */
function adoptedPlanProblems(plan: Plan): ImportProblem[] {
  const candidate = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    plan,
    masters: { departments: [] },
    tables: { city: { title: '', rows: [] }, council: { title: '', rows: [] } },
  };
  const checked = annexJsonSchema.safeParse(candidate, { error: japaneseErrors });
  const problems = checked.success
    ? checkDocumentStructure(checked.data).map((problem) => `${problem.path}: ${problem.message}`)
    : checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return problems.map((problem) => fileError(`見出しから作った構造が正しくありません（${problem}）`));
}

/**
 * Where the structure comes from: the workbook's 構造 sheet; else, with adoptStructure, the first header band (what the
 * file cannot say taken from `base`); else the open document; else nothing to compare with, an error.
 */
export function chooseFrame(
  fromSheet: DocumentFrame | undefined,
  firstBlock: HeaderBlock | undefined,
  options: ReadAnnexOptions,
): Result<ChosenFrame, ImportProblem[]> {
  if (fromSheet) return ok({ frame: fromSheet, adopted: false });
  const { base } = options;
  if (options.adoptStructure && firstBlock) {
    const adopted = adoptPlan(firstBlock, {
      title: base?.plan.title || fileStem(options.fileName) || '取組事業一覧',
      edition: base?.plan.edition ?? '',
      year: base?.plan.year ?? new Date().getFullYear(),
      annexTitle: base?.plan.annexTitle ?? '',
      ...(base ? { philosophy: base.plan.philosophy } : {}),
    });
    if (!adopted.plan) return err(adopted.problems);
    const problems = adoptedPlanProblems(adopted.plan);
    if (problems.length > 0) return err(problems);
    const rest = base ? frameOfDocument(base) : { masters: { departments: [] }, tableTitles: { city: '', council: '' } };
    return ok({ frame: { ...rest, plan: adopted.plan }, adopted: true });
  }
  if (base) return ok({ frame: frameOfDocument(base), adopted: false });
  return err([
    fileError(
      `このブックには「${STRUCTURE_SHEET_NAME}」シートがなく、比べる構造（開いている取組事業一覧）もありません。見出しから構造を作って読み込んでください`,
    ),
  ]);
}
