import { useEffect, useRef } from 'react';
import type { Choice } from './choice-state';

interface ChoiceBoxProps {
  readonly choice: Choice;
  readonly label: string;
  readonly title?: string;
  /** -1 to leave it out of the Tab order (a file not shown: the arrows reach it). */
  readonly tabIndex?: number;
  /** true to take, false to leave. */
  readonly onChoose: (accept: boolean) => void;
}

/** A checkbox over the selection: mixed when part of a row or file is taken; Enter toggles it as Space does. */
export function ChoiceBox({ choice, label, title, tabIndex, onChoose }: ChoiceBoxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = choice.state === 'mixed';
  }, [choice.state]);
  // Off takes what is offered; on or mixed leaves it all, so a second click always undoes the first.
  const toggle = (): void => onChoose(choice.state === 'off');
  return (
    <input
      ref={ref}
      type="checkbox"
      className="choice-box"
      checked={choice.state === 'on'}
      disabled={choice.disabled}
      aria-label={label}
      title={title ?? label}
      {...(tabIndex === undefined ? {} : { tabIndex })}
      onChange={toggle}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        // The review's own Enter handling (none) and the page's must not see it twice.
        event.stopPropagation();
        if (!choice.disabled) toggle();
      }}
    />
  );
}
