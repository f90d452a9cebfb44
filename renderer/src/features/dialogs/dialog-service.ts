/** In-page dialogs: a question with buttons, answered by the id of the button pressed. */
export interface DialogButton<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly primary?: boolean;
}

export interface DialogRequest<Id extends string = string> {
  readonly title: string;
  readonly message: string;
  /** Lines listed under the message, such as the problems found in a file. */
  readonly details?: readonly string[];
  readonly buttons: readonly DialogButton<Id>[];
  /** The answer when the dialog is dismissed with Escape. */
  readonly cancelId: Id;
}

export interface DialogService {
  ask<Id extends string>(request: DialogRequest<Id>): Promise<Id>;
  /** A message with one OK button. */
  inform(title: string, message: string, details?: readonly string[]): Promise<void>;
  confirm(message: string): Promise<boolean>;
}

type Open = { readonly request: DialogRequest; readonly answer: (id: string) => void };

/** Queues dialogs one at a time; DialogHost renders the current one. */
export function createDialogService(): DialogService & { current(): Open | null; subscribe(listener: () => void): () => void } {
  const queue: Open[] = [];
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  const service = {
    ask<Id extends string>(request: DialogRequest<Id>): Promise<Id> {
      return new Promise<Id>((resolve) => {
        queue.push({
          request: request as DialogRequest,
          answer: (id) => {
            queue.shift();
            notify();
            resolve(id as Id);
          },
        });
        notify();
      });
    },
    async inform(title: string, message: string, details?: readonly string[]) {
      await service.ask({ title, message, ...(details ? { details } : {}), buttons: [{ id: 'ok', label: 'OK', primary: true }], cancelId: 'ok' });
    },
    async confirm(message: string) {
      const answer = await service.ask({
        title: '確認',
        message,
        buttons: [
          { id: 'yes', label: 'はい', primary: true },
          { id: 'no', label: 'いいえ' },
        ],
        cancelId: 'no',
      });
      return answer === 'yes';
    },
    current: () => queue[0] ?? null,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}

export type DialogServiceWithHost = ReturnType<typeof createDialogService>;
