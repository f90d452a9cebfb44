import type { CustomHeaderGroupProps, CustomHeaderProps } from 'ag-grid-react';

/** A leaf header: a label such as （１） above a title, the title vertical (縦書き) as printed. */
export interface LeafHeaderParams {
  readonly label?: string;
  readonly title: string;
  readonly vertical: boolean;
  /** Height of the vertical text, so every vertical title wraps at the same place. */
  readonly verticalHeight?: number;
  readonly testId: string;
}

export function LeafHeader(props: CustomHeaderProps & LeafHeaderParams) {
  const { label, title, vertical, verticalHeight, testId } = props;
  return (
    <div className={vertical ? 'annex-header annex-header-vertical' : 'annex-header annex-header-horizontal'} data-testid={testId}>
      {label && <span className="annex-header-label">{label}</span>}
      <span className="annex-header-title" style={vertical && verticalHeight ? { height: verticalHeight } : undefined}>
        {title}
      </span>
    </div>
  );
}

/** A group header: a label (基本理念, 目指す地域像１, （２）) and its sentence, horizontal and wrapped. */
export interface GroupHeaderParams {
  readonly label: string;
  readonly title?: string;
  readonly level: 'philosophy' | 'vision' | 'concepts' | 'concept';
  readonly testId: string;
}

export function GroupHeader(props: CustomHeaderGroupProps & GroupHeaderParams) {
  const { label, title, level, testId } = props;
  return (
    <div className={`annex-group-header annex-group-${level}`} data-testid={testId}>
      <span className="annex-header-label">{label}</span>
      {title && <span className="annex-header-title">{title}</span>}
    </div>
  );
}
