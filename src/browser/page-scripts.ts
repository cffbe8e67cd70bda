/**
 * Functions that run inside the page (passed to `evaluate`), so they may only use the DOM and their
 * argument: no imports, no closures over Node values.
 */

/** Runs in the page over a locator's (single) match: puts the caret at the end so typing appends. */
export function moveCaretToEnd(elements: Element[]): void {
  const element = elements[0];
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    try {
      element.setSelectionRange(element.value.length, element.value.length);
    } catch {
      // Inputs such as type=number have no selection API; typing appends there anyway.
    }
  }
}

/**
 * Runs in the page right after a wheel: resolves when the scroll it caused ends (the `scrollend`
 * event, or no scroll event for `quietMs` where a scroll never reports its end), or when two
 * animation frames pass without any scroll (the wheel moved nothing: the page was already at its
 * end), at most after `maxMs`. The browser applies a wheel's scroll at the next frame, so two
 * frames bound the wait for a first scroll event on a busy machine as well as an idle one.
 */
export function waitForScrollEnd({ quietMs, maxMs }: { quietMs: number; maxMs: number }): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now();
    let lastScroll: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('scrollend', finish, { capture: true });
      clearTimeout(timer);
      resolve();
    };
    const onScroll = (): void => {
      lastScroll = performance.now();
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('scrollend', finish, { capture: true });
    let frames = 0;
    const onFrame = (): void => {
      frames += 1;
      if (lastScroll !== undefined) return;
      if (frames >= 2) finish();
      else requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    const check = (): void => {
      const now = performance.now();
      if ((lastScroll !== undefined && now - lastScroll >= quietMs) || now - start >= maxMs) finish();
      else timer = setTimeout(check, 15);
    };
    timer = setTimeout(check, 15);
  });
}

/** Runs in the page: resolves once the DOM has not changed for `quietMs`, or after `maxMs`. */
export function waitForDomQuiet({ quietMs, maxMs }: { quietMs: number; maxMs: number }): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now();
    let lastChange = start;
    const observer = new MutationObserver(() => {
      lastChange = performance.now();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const check = (): void => {
      const now = performance.now();
      if (now - lastChange >= quietMs || now - start >= maxMs) {
        observer.disconnect();
        resolve();
      } else {
        setTimeout(check, 10);
      }
    };
    setTimeout(check, quietMs);
  });
}

/**
 * Runs in the page over a locator's matches: counts them and, for match `nth`, scrolls it into view
 * if it is outside the viewport (instantly, centred) and returns its box. One round trip, where
 * Playwright's scrollIntoViewIfNeeded + boundingBox re-resolve the selector and wait for stability
 * (~100 ms for a role+name query). Boxes are relative to the element's own frame.
 * Does not work for `aria-ref=` locators: evaluateAll runs where the AI snapshot's refs are unknown.
 */
export function measureMatch(
  elements: Element[],
  nth: number,
): { count: number; box?: { x: number; y: number; width: number; height: number } } {
  const element = elements[nth];
  if (!element) return { count: elements.length };
  let rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return { count: elements.length };
  const inside = rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
  if (!inside) {
    element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    rect = element.getBoundingClientRect();
  }
  return { count: elements.length, box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
}

/** Runs in the page: scrolls an element that is not fully in the viewport to its centre, instantly. */
export function scrollIntoViewIfOutside(element: Element): void {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return;
  const inside = rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
  if (!inside) element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
}

/**
 * Where a person would click to operate `element` when the element itself cannot take the click: a
 * visually hidden checkbox or radio (1×1, clipped, under its label) is operated through its label.
 * Returns the centre of the first label that a click at that point reaches, with the label's box, or
 * null when the element takes a click at its own centre (or has no such label).
 */
export function labelClickPoint(
  element: Element,
): { x: number; y: number; box: { x: number; y: number; width: number; height: number } } | null {
  const reaches = (target: Element, x: number, y: number): boolean => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === target || target.contains(hit) || hit === element);
  };
  const own = element.getBoundingClientRect();
  if (own.width >= 4 && own.height >= 4 && reaches(element, own.x + own.width / 2, own.y + own.height / 2)) return null;
  const labels = (element as HTMLInputElement).labels ?? null;
  for (const label of labels ? Array.from(labels) : []) {
    let rect = label.getBoundingClientRect();
    // elementFromPoint sees only the viewport: bring a label outside it into view first.
    if (rect.bottom <= 0 || rect.top >= window.innerHeight || rect.right <= 0 || rect.left >= window.innerWidth) {
      label.scrollIntoView({ block: 'center', inline: 'nearest' });
      rect = label.getBoundingClientRect();
    }
    if (rect.width < 4 || rect.height < 4) continue;
    const x = rect.x + rect.width / 2;
    const y = rect.y + rect.height / 2;
    if (reaches(label, x, y))
      return {
        x: Math.round(x),
        y: Math.round(y),
        box: { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) },
      };
  }
  return null;
}

/**
 * Runs in every page before its scripts (an init script): notes, under `Symbol.for(key)`, the
 * address of a navigation to another document that this page has started (a link followed, a form
 * submitted, `location` set), through the Navigation API's `navigate` event, which fires in the
 * page the moment the navigation begins, before any request is sent. A form's submission is noted
 * when it is submitted: the browser starts its navigation a task later. Same-document navigations,
 * downloads and submissions a script prevented are not noted. Top-level window only.
 */
export function noteNavigationStarts(key: string): void {
  type NavigateEvent = Event & { destination: { url: string; sameDocument: boolean }; downloadRequest: string | null };
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  if (window.top !== window || !navigation) return;
  const note = (url: string): void => {
    (window as unknown as Record<symbol, string>)[Symbol.for(key)] = url;
  };
  navigation.addEventListener('navigate', (event) => {
    const { destination, downloadRequest } = event as NavigateEvent;
    if (destination.sameDocument || downloadRequest !== null || /^javascript:/i.test(destination.url)) return;
    note(destination.url);
  });
  window.addEventListener('submit', (event) => {
    const form = event.target instanceof HTMLFormElement ? event.target : null;
    const submitter = (event as SubmitEvent).submitter;
    const target = submitter?.getAttribute('formtarget') ?? form?.getAttribute('target') ?? '';
    const method = (submitter?.getAttribute('formmethod') ?? form?.getAttribute('method') ?? '').toLowerCase();
    if (!form || method === 'dialog' || !['', '_self', '_top', '_parent'].includes(target)) return;
    // After every listener has run: a script that handles the form itself prevents the default.
    queueMicrotask(() => {
      if (!event.defaultPrevented) note(submitter?.getAttribute('formaction') ? (submitter as HTMLButtonElement).formAction : form.action);
    });
  });
}

/** Runs in the page: the navigation noted by `noteNavigationStarts` since the last call (then forgets it), or null. */
export function takeNavigationStart(key: string): string | null {
  const slot = window as unknown as Record<symbol, string | undefined>;
  const url = slot[Symbol.for(key)] ?? null;
  slot[Symbol.for(key)] = undefined;
  return url;
}
