/**
 * The little of the DOM that the bench's page-side code uses, typed here because tests/bench is type-checked
 * by tsconfig.node.json, which has no DOM lib (and must not get one: it also checks that shared/ stays free
 * of the DOM). Page-side code reaches the browser's globals through these types; at run time they are
 * `globalThis`'s own.
 */
export interface PageRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}

export interface PageElement {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly offsetHeight: number;
  readonly textContent: string | null;
  readonly style: Record<string, string>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageRect;
  matches(selector: string): boolean;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  dispatchEvent(event: unknown): boolean;
  addEventListener(type: string, listener: (event: PageEvent) => void, options?: boolean | { capture?: boolean }): void;
  removeEventListener(type: string, listener: (event: PageEvent) => void, options?: boolean | { capture?: boolean }): void;
}

export interface PageEvent {
  readonly key?: string;
  readonly timeStamp: number;
  readonly dataTransfer?: { readonly files: ArrayLike<PageFile> } | null;
  preventDefault(): void;
}

export interface PageFile {
  text(): Promise<string>;
}

export interface PageDocument {
  readonly body: PageElement;
  readonly activeElement: PageElement | null;
  readonly fonts: { load(font: string, text: string): Promise<unknown>; readonly ready: Promise<unknown> };
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export interface PageGlobals {
  readonly document: PageDocument;
  readonly location: { readonly search: string };
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener(type: string, listener: (event: PageEvent) => void, options?: boolean | { capture?: boolean }): void;
  removeEventListener(type: string, listener: (event: PageEvent) => void, options?: boolean | { capture?: boolean }): void;
  readonly File: new (parts: unknown[], name: string, options: { type: string }) => PageFile;
  fetch(url: string): Promise<{ blob(): Promise<unknown> }>;
  readonly DataTransfer: new () => { readonly items: { add(file: PageFile): unknown } };
  readonly DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: PageElement, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
    disconnect(): void;
  };
  /** What the bench leaves on the page between calls. */
  benchState?: Record<string, unknown>;
}

/**
 * The browser's globals, in bundled page code (the floor page). Functions handed to `page.evaluate` are sent
 * as source text and cannot call it: they cast `globalThis` themselves.
 */
export const page = (): PageGlobals => globalThis as unknown as PageGlobals;
